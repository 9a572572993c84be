import { describe, expect, it } from 'vitest';
import {
  AUTO_CAPTURE_START,
  holdProgress,
  nextAutoCapture,
  type AutoCapture,
} from '../../../renderer/capture/guidance/autoCapture';
import { nextShown, SHOWN_START } from '../../../renderer/capture/guidance/shownMessage';

const HOLD = 700;
const run = (verdicts: Array<[boolean, number]>, start: AutoCapture = AUTO_CAPTURE_START) =>
  verdicts.reduce((state, [ok, at]) => nextAutoCapture(state, { ok, at }, HOLD), start);

describe('auto-capture', () => {
  it('fires once every check has held for the steady moment', () => {
    expect(run([[true, 0]])).toEqual({ phase: 'steady', since: 0 });
    expect(
      run([
        [true, 0],
        [true, 400],
      ]),
    ).toEqual({ phase: 'steady', since: 0 });
    expect(
      run([
        [true, 0],
        [true, 400],
        [true, 700],
      ]),
    ).toEqual({ phase: 'fire', at: 700 });
  });

  it('starts the wait again after any problem', () => {
    const state = run([
      [true, 0],
      [true, 600],
      [false, 650],
      [true, 700],
      [true, 1200],
    ]);
    expect(state).toEqual({ phase: 'steady', since: 700 });
    expect(run([[true, 1400]], state)).toEqual({ phase: 'fire', at: 1400 });
  });

  it('stays fired until the step starts again', () => {
    const fired = run([
      [true, 0],
      [true, 800],
    ]);
    expect(run([[false, 900]], fired)).toEqual(fired);
  });

  it('fires at once with no hold, and reports the ring as it fills', () => {
    expect(nextAutoCapture(AUTO_CAPTURE_START, { ok: true, at: 5 }, 0)).toEqual({ phase: 'fire', at: 5 });
    expect(holdProgress({ phase: 'steady', since: 100 }, 450, HOLD)).toBeCloseTo(0.5);
    expect(holdProgress(AUTO_CAPTURE_START, 450, HOLD)).toBe(0);
    expect(holdProgress({ phase: 'fire', at: 1 }, 2, HOLD)).toBe(1);
  });
});

describe('the message on screen', () => {
  it('shows a problem at once, and "all good" at once', () => {
    const first = nextShown(SHOWN_START, 'no_card', 0, 350);
    expect(first).toEqual({ problem: 'no_card', since: 0 });
    expect(nextShown(first, null, 10, 350)).toEqual({ problem: null, since: 10 });
  });

  it('keeps a message up long enough to read before another replaces it', () => {
    const shown = nextShown(SHOWN_START, 'move_closer', 0, 350);
    expect(nextShown(shown, 'hold_still', 200, 350)).toBe(shown);
    expect(nextShown(shown, 'hold_still', 360, 350)).toEqual({ problem: 'hold_still', since: 360 });
    expect(nextShown(shown, 'move_closer', 500, 350)).toBe(shown);
  });
});
