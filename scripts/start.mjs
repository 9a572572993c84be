// `npm start`: build the renderer and the shell, make sure better-sqlite3-multiple-ciphers (better-sqlite3
// with encryption) has a build for Electron's ABI (Node's build, used by the tests and the host, is another
// ABI), then open the kiosk. Training mode on the built-in sandbox is the default until DIR/settings.json
// names a provider.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** The SQLite binding: better-sqlite3 with SQLite3MultipleCiphers, so loket.db is encrypted at rest. */
const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';
const require = createRequire(import.meta.url);
const run = (args, options = {}) =>
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });

run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
run([join(root, 'scripts/build-main.mjs')]);

const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const binding = ensureElectronSqlite(electronVersion);
// Resolving electron downloads its binary on first launch (Electron 42+ has no install script).
const electronPath = require('electron');

const child = spawn(electronPath, [join(root, 'build/main/index.cjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LOKET_SQLITE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 1));

/**
 * Builds better-sqlite3-multiple-ciphers for Electron into build/native/electron-<version>/ from a copy of
 * its sources, so node_modules keeps the Node build. prebuild-install fetches the published Electron prebuild
 * when it can; otherwise node-gyp compiles it (SQLite3MultipleCiphers included, from its deps/) against
 * Electron's headers. The binding keeps better-sqlite3's file name, build/Release/better_sqlite3.node.
 */
function ensureElectronSqlite(version) {
  const dir = join(root, `build/native/electron-${version}/${SQLITE_PACKAGE}`);
  const binding = join(dir, 'build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'node_modules', SQLITE_PACKAGE), dir, {
    recursive: true,
    filter: (source) => !source.includes(`/${SQLITE_PACKAGE}/build`),
  });
  console.log(`Building ${SQLITE_PACKAGE} for Electron ${version} (once)…`);
  const target = ['--runtime=electron', `--target=${version}`];
  try {
    run([require.resolve('prebuild-install/bin.js'), ...target, '--arch', process.arch], { cwd: dir });
  } catch {
    run(
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        ...target,
        '--dist-url=https://electronjs.org/headers',
      ],
      {
        cwd: dir,
      },
    );
  }
  return binding;
}
