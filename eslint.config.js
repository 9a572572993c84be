// The process boundaries are the architecture, so a wrong-way import is a lint error:
// - common/ is pure: no node, no electron, no DOM-only code, no imports from the other layers;
// - renderer/ never reaches main/ or preload/ and never imports electron or node built-ins;
// - electron is imported only by the thin shell (main/index.ts, main/shell/) and the preload;
// - a test starts a process only through test/support/processes.ts, which stops it even when the test fails.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'net', 'url'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['node_modules', 'build', 'dist', 'release', 'test/fixtures/generated'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['electron'],
              'Only the Electron shell (main/index.ts, main/shell/) may import electron.',
            ),
            pattern(['**/renderer/**', '**/preload/**'], 'main/ must not import renderer or preload code.'),
          ],
        },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['electron', ...nodeBuiltins], 'common/ is pure: no node or electron imports.'),
            pattern(
              ['**/main/**', '**/renderer/**', '**/preload/**'],
              'common/ imports nothing from the process layers.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['**/main/**', '**/renderer/**'], 'The preload sees only the contract in common/.'),
            pattern(nodeBuiltins, 'A sandboxed preload has no node built-ins.'),
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    // The helper itself, and the leak check's own test, which leaves processes running on purpose.
    ignores: ['test/support/processes.ts', 'test/integration/support/leaked-processes.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:child_process', 'child_process'].map((name) => ({
            name,
            // The synchronous forms return only once the child has exited: nothing is left to stop.
            importNames: ['spawn', 'fork', 'exec', 'execFile'],
            message: 'Start processes in tests with spawnTracked (test/support/processes.ts).',
          })),
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['electron', ...nodeBuiltins],
              'The renderer is a web page: no electron or node imports.',
            ),
            pattern(['**/main/**', '**/preload/**'], 'The renderer reaches main only through the bridge.'),
          ],
        },
      ],
    },
  },
);
