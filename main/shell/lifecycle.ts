// The app's lifecycle: one instance, quit with the last window, and a quit that waits for the store to
// close (its last writes and WAL checkpoint) rather than cutting it off, for at most QUIT_GRACE_MS.
import { app, type BrowserWindow } from 'electron';
import type { Logger } from '../lib/log';
import { QUIT_GRACE_MS, willQuitDecision } from '../window/recovery-policy';

export function setupSingleInstance(getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = getWindow();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  return true;
}

export function setupQuit(close: () => Promise<void>, log: Logger): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (willQuitDecision(state) === 'proceed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, QUIT_GRACE_MS));
    void Promise.race([close(), timeout])
      .catch((error: unknown) => log.error('the store did not close cleanly', { error }))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
