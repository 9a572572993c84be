// `npm test`: every test — unit, integration (real HTTP, SQLite and OS keychain) and end to end (Debian
// Chromium through the browser host). The keychain tests need a Secret Service: on a desktop that is the
// session's own; on a headless machine with no session bus this script starts a private D-Bus session and
// an unlocked gnome-keyring in a throwaway data folder, then runs itself inside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const self = new URL(import.meta.url).pathname;
const args = process.argv.slice(2);

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

if (
  process.platform === 'linux' &&
  !process.env.DBUS_SESSION_BUS_ADDRESS &&
  !process.env.LOKET_TEST_NO_DBUS
) {
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.error(
      'npm test needs a Secret Service: install dbus and gnome-keyring (see README), or run it in a desktop session.',
    );
    process.exit(1);
  }
  const keyringHome = mkdtempSync(join(tmpdir(), 'loket-keyring-'));
  const inner = `echo -n loket-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "${process.execPath}" "${self}" "$@"`;
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'sh', ...args], {
    stdio: 'inherit',
    env: { ...process.env, XDG_DATA_HOME: keyringHome, LOKET_TEST_NO_DBUS: '1' },
  });
  process.exit(result.status ?? 1);
}

// The end-to-end tests serve the built renderer.
execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(vitest.status ?? 1);
