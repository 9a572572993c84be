// An uncaught error in main is logged and the app relaunches, instead of a kiosk left frozen with a dead
// main process behind its window. A crash loop is not hidden: after too many relaunches the app stops and
// says so (main/window/recovery-policy.ts).
import { app, dialog } from 'electron';
import type { Logger } from '../lib/log';
import { mainCrashDecision } from '../window/recovery-policy';

export function setupMainCrashHandler(log: Logger): void {
  let handled = false;
  const onFatal = (kind: string) => (error: unknown) => {
    if (handled) return;
    handled = true;
    const decision = mainCrashDecision(process.argv.slice(1), Date.now());
    log.error(`${kind} in main; the kiosk ${decision.action === 'relaunch' ? 'relaunches' : 'stops'}`, {
      error,
    });
    if (decision.action === 'relaunch') {
      app.relaunch({ args: decision.args });
    } else {
      dialog.showErrorBox('Loket stopped', `${decision.reason} Call IT: the log says why.`);
    }
    app.exit(1);
  };
  process.on('uncaughtException', onFatal('uncaught error'));
  process.on('unhandledRejection', onFatal('unhandled rejection'));
}
