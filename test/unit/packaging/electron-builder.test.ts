// The packaging config is code: it must pass electron-builder's own schema, set every Electron fuse
// explicitly, and ship the built app (not sources). Packaging itself needs Electron's download, so it
// runs on a release machine; this keeps the config honest everywhere else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// electron-builder's own loader and validator (pinned version; internal paths are part of that pin).
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

const config = yaml.load(readFileSync('electron-builder.yml', 'utf8'));

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('sets every fuse, with run-as-node and node options off and asar integrity on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('starts the bundled shell and rebuilds native modules for Electron', () => {
    expect(config.extraMetadata).toEqual({ main: 'build/main/index.cjs' });
    expect(config.npmRebuild).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['build/main/**', 'build/preload/**', 'build/renderer/**']),
    );
  });
});
