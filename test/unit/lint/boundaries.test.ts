// The process boundaries are enforced by lint: these cases prove the rules fire (and do not fire) where
// the architecture says, so a change to eslint.config.js cannot quietly open a boundary.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('lint boundaries', () => {
  it.each([
    ['renderer/screens/X.tsx', "import { createApp } from '../../main/app';\nexport const x = createApp;\n"],
    ['renderer/screens/X.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/screens/X.tsx', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['common/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['common/x.ts', "import { createApp } from '../main/app';\nexport const x = createApp;\n"],
    ['main/store/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/verification/x.ts', "import { x as y } from '../../renderer/App';\nexport const x = y;\n"],
    ['preload/x.ts', "import { createApp } from '../main/app';\nexport const x = createApp;\n"],
    ['test/e2e/x.ts', "import { spawn } from 'node:child_process';\nexport const x = spawn;\n"],
    ['test/integration/x.test.ts', "import { fork } from 'child_process';\nexport const x = fork;\n"],
  ])('refuses the wrong-way import in %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBe(1);
  });

  it.each([
    ['main/shell/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/index.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['preload/x.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['renderer/x.ts', "import { channels } from '../common/contract';\nexport const x = channels;\n"],
    [
      'test/unit/x.test.ts',
      "import { execFileSync } from 'node:child_process';\nexport const x = execFileSync;\n",
    ],
    ['test/support/processes.ts', "import { spawn } from 'node:child_process';\nexport const x = spawn;\n"],
  ])('allows the intended import in %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBe(0);
  });
});
