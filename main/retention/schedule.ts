// Runs the retention purge when the app starts and then once a day, on the injected clock, until stopped.
// A failed run is logged and retried the next day; it never stops the schedule or the app.
import type { AuditLog } from '../audit/events';
import type { Settings } from '../config/settings';
import type { Clock } from '../lib/clock';
import { createLogger } from '../lib/log';
import { describeError } from '../lib/redact';
import type { Store } from '../store/connection';
import { DAY_MS, purgeExpired, type PurgeCounts } from './retention';

const log = createLogger('retention');

export interface RetentionScheduleOptions {
  store: Store;
  clock: Clock;
  settings: Pick<Settings, 'retention'>;
  /** Every purge is audited in its own transaction. */
  audit: AuditLog;
  /** Called after each run (tests; a status screen). */
  onRun?: (counts: PurgeCounts) => void;
}

/** Purges now (synchronously, before this returns) and every 24 hours after; returns the stop function. */
export function startRetentionSchedule({
  store,
  clock,
  settings,
  audit,
  onRun,
}: RetentionScheduleOptions): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const runOnce = () => {
    try {
      const counts = purgeExpired(store, { ...settings.retention, now: clock.now() }, audit);
      onRun?.(counts);
    } catch (error) {
      log.error('retention purge failed; trying again in a day', { error: describeError(error) });
    }
  };
  const loop = async () => {
    for (;;) {
      runOnce();
      try {
        await clock.sleep(DAY_MS, signal);
      } catch {
        return; // stopped
      }
      if (signal.aborted) return;
    }
  };
  void loop();
  return () => controller.abort();
}
