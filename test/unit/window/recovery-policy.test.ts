import { describe, expect, it } from 'vitest';
import {
  hungRendererDecision,
  mainCrashDecision,
  parseRelaunches,
  RELAUNCH_SWITCH,
  rendererGoneDecision,
  UNRESPONSIVE_GRACE_MS,
  willQuitDecision,
} from '../../../main/window/recovery-policy';

const MINUTE = 60_000;

describe('a renderer that crashed', () => {
  it('is reloaded at once the first time, with the session wiped', () => {
    expect(rendererGoneDecision([], 1_000_000)).toEqual({ action: 'reload', delayMs: 0, wipeSession: true });
  });

  it('is reloaded more slowly when it keeps crashing, and never given up on', () => {
    const now = 10 * MINUTE;
    const delays = [0, 1, 2, 3, 4, 5, 8].map(
      (n) =>
        rendererGoneDecision(
          Array.from({ length: n }, (_, i) => now - i * 1000),
          now,
        ).delayMs,
    );
    expect(delays).toEqual([0, 1_000, 5_000, 15_000, 30_000, 60_000, 60_000]);
  });

  it('forgets crashes more than five minutes old', () => {
    expect(rendererGoneDecision([0, 1, 2], 6 * MINUTE).delayMs).toBe(0);
  });
});

describe('a renderer that hangs', () => {
  it('gets a grace period, then is reloaded', () => {
    expect(hungRendererDecision(null, 5)).toBe('wait');
    expect(hungRendererDecision(0, UNRESPONSIVE_GRACE_MS - 1)).toBe('wait');
    expect(hungRendererDecision(0, UNRESPONSIVE_GRACE_MS)).toBe('reload');
  });
});

describe('an uncaught error in main', () => {
  it('relaunches, carrying the relaunch times to the next process', () => {
    const first = mainCrashDecision(['app', '--lang=id'], 1_000);
    expect(first).toEqual({ action: 'relaunch', args: ['app', '--lang=id', `${RELAUNCH_SWITCH}=1000`] });
    if (first.action !== 'relaunch') throw new Error('expected a relaunch');
    const second = mainCrashDecision(first.args, 2_000);
    expect(second).toEqual({
      action: 'relaunch',
      args: ['app', '--lang=id', `${RELAUNCH_SWITCH}=1000,2000`],
    });
  });

  it('stops relaunching after five restarts in ten minutes', () => {
    const argv = [`${RELAUNCH_SWITCH}=1,2,3,4,5`];
    expect(mainCrashDecision(argv, 6)).toMatchObject({ action: 'quit' });
    expect(mainCrashDecision(argv, 11 * MINUTE).action).toBe('relaunch');
  });

  it('reads only well-formed relaunch times', () => {
    expect(parseRelaunches([`${RELAUNCH_SWITCH}=5,x,-1,7`])).toEqual([5, 7]);
    expect(parseRelaunches(['--other'])).toEqual([]);
  });
});

describe('quitting', () => {
  it('waits for the store to close', () => {
    expect(willQuitDecision('open')).toBe('hold');
    expect(willQuitDecision('closing')).toBe('hold');
    expect(willQuitDecision('closed')).toBe('proceed');
  });
});
