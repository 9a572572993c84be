// Brings the kiosk back by itself when its page crashes or hangs: the customer's unsubmitted work is wiped
// (the next person must not see the last one's photos), the page reloads, and the log says why. The
// decisions (how long to wait, when a hang is a hang) are main/window/recovery-policy.ts.
import type { BrowserWindow } from 'electron';
import type { Logger } from '../lib/log';
import { hungRendererDecision, rendererGoneDecision, UNRESPONSIVE_GRACE_MS } from '../window/recovery-policy';

export interface RecoveryDeps {
  log: Logger;
  /** Deletes unsubmitted records and their photos; resolves with how many. */
  wipeSession(): Promise<number>;
}

export function watchRenderer(window: BrowserWindow, deps: RecoveryDeps): void {
  const contents = window.webContents;
  const crashes: number[] = [];
  let unresponsiveSince: number | null = null;
  let hangTimer: NodeJS.Timeout | undefined;

  const recover = async (why: string, details: Record<string, unknown>, delayMs: number) => {
    const wiped = await deps.wipeSession().catch((error: unknown) => {
      deps.log.error('could not wipe the session before reloading', { error });
      return 0;
    });
    await contents.session.clearStorageData({
      storages: ['localstorage', 'indexdb', 'cachestorage', 'serviceworkers', 'websql', 'shadercache'],
    });
    deps.log.warn(`${why}; reloading the kiosk with the session wiped`, { ...details, wiped, delayMs });
    setTimeout(() => {
      if (!window.isDestroyed()) contents.reload();
    }, delayMs);
  };

  contents.on('render-process-gone', (_event, details) => {
    if (window.isDestroyed()) return;
    const now = Date.now();
    const decision = rendererGoneDecision(crashes, now);
    crashes.push(now);
    void recover(
      'the kiosk page stopped',
      { reason: details.reason, exitCode: details.exitCode },
      decision.delayMs,
    );
  });

  window.on('unresponsive', () => {
    unresponsiveSince ??= Date.now();
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => {
      if (window.isDestroyed() || hungRendererDecision(unresponsiveSince, Date.now()) !== 'reload') return;
      unresponsiveSince = null;
      // A hung page does not answer a reload: end its process, and render-process-gone brings it back.
      deps.log.warn('the kiosk page has not answered; ending it', { graceMs: UNRESPONSIVE_GRACE_MS });
      contents.forcefullyCrashRenderer();
    }, UNRESPONSIVE_GRACE_MS);
  });
  window.on('responsive', () => {
    unresponsiveSince = null;
    clearTimeout(hangTimer);
  });
}
