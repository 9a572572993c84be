import { defineConfig } from 'vitest/config';

// Three projects mirror test/: unit (pure, fast), integration (real HTTP, SQLite, keychain),
// e2e (Debian Chromium through the browser host). `npm test` runs all three.
export default defineConfig({
  test: {
    // Tests print only real errors; a failing test's own output is still shown.
    env: { LOKET_LOG_LEVEL: 'error' },
    // Marks the run, and after the last test fails it if a process a test started is still alive.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
