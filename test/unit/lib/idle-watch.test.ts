import { describe, expect, it } from 'vitest';
import { createIdleWatch } from '../../../main/lib/idle-watch';
import { manualTimers } from '../../support/clocks';

describe('the idle watch', () => {
  it('fires once the quiet time has passed since the last touch, and not before', () => {
    const timers = manualTimers(0);
    let fired = 0;
    const watch = createIdleWatch(timers, 1000, () => (fired += 1));
    watch.start();
    timers.advance(600);
    watch.touch();
    timers.advance(999);
    expect(fired).toBe(0);
    expect(watch.expired()).toBe(false);
    timers.advance(1);
    expect(fired).toBe(1);
    // One check scheduled at a time, however often it was touched.
    expect(timers.pending).toBe(0);
  });

  it('reports expiry before the scheduled check has had its turn, and stops when asked', () => {
    const timers = manualTimers(0);
    let fired = 0;
    const watch = createIdleWatch(timers, 1000, () => (fired += 1));
    watch.start();
    expect(timers.pending).toBe(1);
    watch.stop();
    expect(timers.pending).toBe(0);
    timers.advance(5000);
    expect(fired).toBe(0);
    expect(watch.expired()).toBe(false);
  });
});
