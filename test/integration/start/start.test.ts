// `npm start` on a machine that cannot run the Electron window (too old a Node, or no Electron binary to be
// had) ends in plain words that name what failed and `npm run host` as the way on, never a stack trace.
// The binary is pointed at an empty folder, so the test fails the same way on every machine and never opens
// a window, even where Electron could be downloaded.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures/images';

const noElectron = mkdtempSync(join(tmpdir(), 'loket-no-electron-'));
afterAll(() => rmSync(noElectron, { recursive: true, force: true }));

describe('npm start where the Electron window cannot run', () => {
  it('explains what failed and names npm run host, without a stack trace', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/start.mjs')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^npm start: the Electron (window needs Node\.js|binary is missing)/m);
    expect(result.stderr).toContain('npm run host -- --port 4173 --data ./.loket-data');
    expect(`${result.stdout}\n${result.stderr}`).not.toMatch(/^\s+at .+[:(]/m);
  });
});
