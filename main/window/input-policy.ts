// Which keyboard shortcuts the kiosk window swallows (Electron's before-input-event), as a pure decision.
// With no application menu most accelerators already do nothing; this filter also covers the ones
// Chromium handles itself (reload, zoom, print, DevTools) and keeps a customer at an unattended kiosk from
// leaving, reloading away a colleague's work, or opening the inspector.

/** The fields of Electron's Input this decision reads. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export interface InputContext {
  /** The locked, full-screen self-service kiosk. */
  kiosk: boolean;
  packaged: boolean;
  platform: NodeJS.Platform;
}

export type BlockedShortcut =
  'devtools' | 'view_source' | 'reload' | 'close' | 'zoom' | 'print' | 'navigate' | 'other';

const FUNCTION_KEYS: Readonly<Record<string, BlockedShortcut>> = {
  F5: 'reload',
  F12: 'devtools',
  F11: 'other', // leaving full screen
  BrowserBack: 'navigate',
  BrowserForward: 'navigate',
  BrowserRefresh: 'reload',
  BrowserHome: 'navigate',
};

/** With the platform's command key held (Ctrl, or Cmd on macOS). */
const COMMAND_KEYS: Readonly<Record<string, BlockedShortcut>> = {
  r: 'reload',
  w: 'close',
  q: 'close',
  f4: 'close',
  p: 'print',
  u: 'view_source',
  s: 'other', // save page
  o: 'other', // open file
  n: 'other', // new window
  t: 'other', // new tab
  f: 'other', // find
  g: 'other',
  h: 'other', // history
  j: 'other', // downloads
  l: 'other', // location
  '+': 'zoom',
  '=': 'zoom',
  '-': 'zoom',
  _: 'zoom',
  '0': 'zoom',
};

/** What a shortcut would do, or null for ordinary typing. */
export function classifyShortcut(input: KeyInput, platform: NodeJS.Platform): BlockedShortcut | null {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = platform === 'darwin' ? input.meta : input.control;
  const functionKey = FUNCTION_KEYS[input.key];
  if (functionKey) return functionKey;
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) {
    return key === 'F4' ? 'close' : 'navigate';
  }
  if (!command) return null;
  // Ctrl+Shift+I / J / C, and Cmd+Alt+I / J / C on macOS.
  if ((input.shift || input.alt) && (key === 'i' || key === 'j' || key === 'c')) return 'devtools';
  if (key === 'F5' || key === 'Delete') return key === 'F5' ? 'reload' : 'other';
  return COMMAND_KEYS[key.toLowerCase()] ?? null;
}

/**
 * True when the window must swallow the key. In kiosk mode every listed shortcut; at a staffed desk only
 * the ones that open the inspector or the page source, and those only in a packaged build (developers
 * keep their tools).
 */
export function shouldBlockInput(input: KeyInput, context: InputContext): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const shortcut = classifyShortcut(input, context.platform);
  if (shortcut === null) return false;
  if (context.kiosk) return true;
  return context.packaged && (shortcut === 'devtools' || shortcut === 'view_source');
}
