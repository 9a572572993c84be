import { afterEach, describe, expect, it } from 'vitest';
import { noAudit } from '../../../main/audit/events';
import { configureLogging } from '../../../main/lib/log';
import { startRetentionSchedule, type PurgeCounts } from '../../../main/retention';
import { getRecord } from '../../../main/store/records';
import { manualClock } from '../../support/clocks';
import { tempStore } from '../store/temp-store';
import { DAY_MS, daysBefore, seed } from './fixtures';

const START = Date.parse('2027-03-01T09:00:00.000Z');
const settings = { retention: { imageDays: 30, recordDays: 365, abandonedDays: 30 } };
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  configureLogging({ sink: (line) => process.stderr.write(`${line}\n`), level: 'warn' });
});

describe('startRetentionSchedule', () => {
  it('purges at once, then every 24 hours on the injected clock, until stopped', async () => {
    const store = tempStore();
    const clock = manualClock(START);
    // Expires one day after the start: the first run keeps it, the second deletes it.
    seed(store, { id: 'EXPIRESDAY1', status: 'decided', decidedAt: daysBefore(START, 365) });
    const runs: PurgeCounts[] = [];
    const stop = startRetentionSchedule({
      store,
      clock,
      settings,
      audit: noAudit,
      onRun: (counts) => runs.push(counts),
    });

    expect(runs).toHaveLength(1);
    expect(runs[0]?.recordsDeleted.records).toBe(0);

    clock.advance(DAY_MS - 1);
    await flush();
    expect(runs).toHaveLength(1);
    clock.advance(1);
    await flush();
    expect(runs).toHaveLength(2);
    expect(runs[1]?.recordsDeleted.records).toBe(1);
    expect(getRecord(store, 'EXPIRESDAY1')).toBeUndefined();

    stop();
    clock.advance(7 * DAY_MS);
    await flush();
    expect(runs).toHaveLength(2);
  });

  it('stops a sleep that honours the AbortSignal', async () => {
    const store = tempStore();
    const sleeps: AbortSignal[] = [];
    const clock = {
      now: () => START,
      sleep: (_ms: number, signal?: AbortSignal) =>
        new Promise<void>((_resolve, reject) => {
          if (signal) sleeps.push(signal);
          signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        }),
    };
    const stop = startRetentionSchedule({ store, clock, settings, audit: noAudit });
    expect(sleeps).toHaveLength(1);
    stop();
    expect(sleeps[0]?.aborted).toBe(true);
    await flush();
  });

  it('a failed run is logged and the schedule carries on', async () => {
    const lines: string[] = [];
    configureLogging({ sink: (line) => lines.push(line), level: 'error' });
    const store = tempStore();
    const clock = manualClock(START);
    store.close();
    const stop = startRetentionSchedule({ store, clock, settings, audit: noAudit });
    expect(lines.some((line) => line.includes('retention purge failed'))).toBe(true);
    clock.advance(DAY_MS);
    await flush();
    expect(lines.filter((line) => line.includes('retention purge failed'))).toHaveLength(2);
    stop();
  });
});
