// The host opens the page at http://127.0.0.1:P/#k=<secret>. The secret is moved out of the URL at once
// (so it is not in history, bookmarks or a screenshot of the address bar) into sessionStorage, which
// survives a reload of this tab but not a new tab.
const STORAGE_KEY = 'loket.hostKey';

/** Pure: the secret in a `#k=…` fragment, and the fragment left once it is removed. */
export function splitSecretFromHash(hash: string): { secret: string | null; rest: string } {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const secret = params.get('k');
  params.delete('k');
  const rest = params.toString();
  return { secret: secret === '' ? null : secret, rest: rest === '' ? '' : `#${rest}` };
}

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the secret lives only in memory for this page
  }
}

function store(secret: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, secret);
  } catch {
    // see readStored
  }
}

/** Reads the secret from the URL (then strips it) or from this tab's sessionStorage; '' if there is none. */
export function takeHostSecret(): string {
  const { secret, rest } = splitSecretFromHash(window.location.hash);
  if (secret !== null) {
    store(secret);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${rest}`);
    return secret;
  }
  return readStored() ?? '';
}
