// Command-line switches a packaged kiosk refuses to start with, as a pure decision. A debugging port or an
// inspector would let anyone at the machine drive the kiosk from inside (read the page, call the bridge);
// switches that switch off certificate checks or the sandbox would let a network or a page get around
// Loket's protections. Electron's fuses already stop --inspect for Node; Chromium's own switches are ours.

const REFUSED = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'auto-open-devtools-for-tabs',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'js-flags',
  'ignore-certificate-errors',
  'ignore-certificate-errors-spki-list',
  'allow-insecure-localhost',
  'disable-web-security',
  'no-sandbox',
  'disable-site-isolation-trials',
  'user-data-dir',
] as const;

const REFUSED_SET = new Set<string>(REFUSED);

/** The switch name of one argument ("--inspect=9229" → "inspect"), or null when it is not a switch. */
export function switchName(arg: string): string | null {
  const match = /^(?:--|-|\/)([A-Za-z][A-Za-z0-9-]*)(?:=.*)?$/s.exec(arg);
  return match?.[1]?.toLowerCase() ?? null;
}

/** The refused switches among argv (Chromium accepts --name, -name and, on Windows, /name). */
export function refusedSwitches(argv: readonly string[]): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    if (arg === '--') break;
    const name = switchName(arg);
    if (name && REFUSED_SET.has(name)) found.add(name);
  }
  return [...found];
}
