// `npm start`: check that this machine can run the Electron window, build the renderer and the shell, make
// sure better-sqlite3-multiple-ciphers (better-sqlite3 with encryption) has a build for Electron's ABI (Node's
// build, used by the tests and the host, is another ABI), then open the kiosk. Training mode on the built-in
// sandbox is the default until DIR/settings.json names a provider.
//
// Whatever fails on the way (an old Node, an Electron binary that cannot be fetched, a native build with no
// headers) is said in plain words with what to do instead, never as a stack trace: the same kiosk runs in a
// browser with `npm run host`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** The SQLite binding: better-sqlite3 with SQLite3MultipleCiphers, so loket.db is encrypted at rest. */
const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';
/** Electron 42's launcher and binary download declare this Node. */
const MIN_NODE = [22, 12];
const require = createRequire(import.meta.url);
const run = (args, options = {}) =>
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...options });

const INSTEAD = [
  'The same kiosk runs in a browser instead, with nothing to download:',
  '',
  '    npm run host -- --port 4173 --data ./.loket-data',
  '',
  'then open the URL it prints in Chrome or Chromium on this machine.',
].join('\n');

/** Ends `npm start` with a plain explanation and exit code 1. */
function fail(what, detail) {
  const reason = detail ? `\n\n${String(detail).trim().split('\n').slice(0, 3).join('\n')}` : '';
  process.stderr.write(`\nnpm start: ${what}${reason}\n\n${INSTEAD}\n\n`);
  process.exit(1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return;
  fail(
    `the Electron window needs Node.js ${MIN_NODE.join('.')} or newer; this is Node.js ${process.versions.node}.`,
    'Install a newer Node.js (https://nodejs.org) to use `npm start`.',
  );
}

/**
 * The Electron binary's path. Electron 42+ downloads it on first launch; that download is run here with its
 * error output captured, so a machine that cannot reach the download server gets one plain sentence.
 */
function locateElectron() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  const present = () => existsSync(pathFile) && existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !present()) {
    console.log('Downloading the Electron binary (once)…');
    const download = spawnSync(process.execPath, [join(dir, 'install.js')], {
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
    });
    if (download.status !== 0 || !present()) {
      fail(
        'the Electron binary could not be downloaded (it is fetched on the first start, and this machine could not reach its download server).',
        (download.stderr ?? '').trim().split('\n')[0] || download.error?.message,
      );
    }
  }
  let electronPath;
  try {
    electronPath = require('electron');
  } catch (error) {
    fail('the Electron binary could not be found.', error instanceof Error ? error.message : error);
  }
  if (typeof electronPath !== 'string' || !existsSync(electronPath)) {
    fail(`the Electron binary is missing (looked for ${String(electronPath)}).`);
  }
  return electronPath;
}

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
    try {
      run(
        [
          require.resolve('node-gyp/bin/node-gyp.js'),
          'rebuild',
          ...target,
          '--dist-url=https://electronjs.org/headers',
        ],
        { cwd: dir },
      );
    } catch (error) {
      fail(
        `the encrypted SQLite module could not be built for Electron ${version} (it needs Electron's headers from the network, or a published prebuild).`,
        error instanceof Error ? error.message : error,
      );
    }
  }
  return binding;
}

checkNode();
const electronPath = locateElectron();
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

try {
  run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  run([join(root, 'scripts/build-main.mjs')]);
} catch (error) {
  fail(
    'the kiosk could not be built (see the messages above).',
    error instanceof Error ? error.message : error,
  );
}
const binding = ensureElectronSqlite(electronVersion);

const child = spawn(electronPath, [join(root, 'build/main/index.cjs'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LOKET_SQLITE_BINDING: binding },
});
child.on('error', (error) => fail('the Electron window could not be started.', error.message));
child.on('exit', (code) => process.exit(code ?? 1));
