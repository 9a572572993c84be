// The fault policy: its checks, how a draw picks a fault, and the seeded draws of the injector (rates kept
// within tolerance, the same seed giving the same faults).
import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../../../main/sandbox/faults/injector';
import {
  type FaultPolicy,
  NO_FAULTS,
  parseFaultPolicy,
  pickAfterFault,
  pickBeforeFault,
} from '../../../../main/sandbox/faults/policy';
import { seededRandom } from '../../../../main/sandbox/faults/prng';

const policy = (p: Partial<FaultPolicy>): FaultPolicy => ({ ...NO_FAULTS, ...p });

function tally(injector: FaultInjector, n: number) {
  const counts = { error: 0, rateLimit: 0, timeout: 0, malformed: 0, none: 0, after: 0 };
  for (let i = 0; i < n; i++) {
    const { before, after } = injector.draw();
    counts[before ?? 'none'] += 1;
    if (after) counts.after += 1;
  }
  return counts;
}

describe('parseFaultPolicy', () => {
  it('fills in the no-fault defaults', () => {
    expect(parseFaultPolicy({})).toEqual({ ok: true, policy: NO_FAULTS });
    expect(NO_FAULTS.retryAfterSeconds).toBe(2);
    expect(parseFaultPolicy({ errorRate: 0.5, stuckJobs: true, seed: 7 })).toEqual({
      ok: true,
      policy: { ...NO_FAULTS, errorRate: 0.5, stuckJobs: true, seed: 7 },
    });
  });

  it.each([
    [[], /JSON object/],
    [{ errorRate: 1.5 }, /errorRate must be a number from 0 to 1/],
    [{ timeoutRate: '0.1' }, /timeoutRate must be a number/],
    [{ errorRate: 0.6, malformedRate: 0.6 }, /must add up to at most 1, got 1\.2/],
    [{ retryAfterSeconds: 1.5 }, /retryAfterSeconds must be a whole number/],
    [{ faultAfterHandlingAs: 'lost' }, /"error" or "drop"/],
    [{ stuckJobs: 'yes' }, /stuckJobs must be true or false/],
    [{ seed: -1 }, /seed must be a whole number/],
    [{ errorrate: 0.1 }, /unknown field "errorrate"/],
  ])('refuses %j', (value, message) => {
    const result = parseFaultPolicy(value);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors.join('; ')).toMatch(message);
  });

  it('lets faultAfterHandlingRate come on top of the other rates', () => {
    expect(parseFaultPolicy({ errorRate: 1, faultAfterHandlingRate: 1 }).ok).toBe(true);
  });

  it('throws from the injector with every problem listed', () => {
    expect(() => new FaultInjector({ errorRate: 2, seed: 1.5 })).toThrow(/errorRate.*; seed/);
  });
});

describe('picking a fault', () => {
  it('cuts [0, 1) into consecutive slices: error, rate limit, time-out, malformed, none', () => {
    const p = policy({ errorRate: 0.1, rateLimitRate: 0.2, timeoutRate: 0.3, malformedRate: 0.1 });
    expect(pickBeforeFault(p, 0)).toBe('error');
    expect(pickBeforeFault(p, 0.099)).toBe('error');
    expect(pickBeforeFault(p, 0.1)).toBe('rateLimit');
    expect(pickBeforeFault(p, 0.35)).toBe('timeout');
    expect(pickBeforeFault(p, 0.65)).toBe('malformed');
    expect(pickBeforeFault(p, 0.75)).toBeNull();
    expect(pickBeforeFault(NO_FAULTS, 0)).toBeNull();
    expect(pickBeforeFault(policy({ malformedRate: 1 }), 0.999999)).toBe('malformed');
  });

  it('loses the answer after handling as the policy says', () => {
    expect(pickAfterFault(policy({ faultAfterHandlingRate: 0.5 }), 0.2)).toBe('error');
    expect(pickAfterFault(policy({ faultAfterHandlingRate: 0.5, faultAfterHandlingAs: 'drop' }), 0.2)).toBe(
      'drop',
    );
    expect(pickAfterFault(policy({ faultAfterHandlingRate: 0.5 }), 0.5)).toBeNull();
  });
});

describe('seeded draws', () => {
  it('gives numbers in [0, 1), the same for the same seed and different for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it.each([1, 2, 42, 1234, 0xffffffff])(
    'keeps the rates within tolerance over 1000 draws (seed %i)',
    (seed) => {
      const injector = new FaultInjector({
        errorRate: 0.1,
        rateLimitRate: 0.2,
        timeoutRate: 0.05,
        malformedRate: 0.15,
        faultAfterHandlingRate: 0.3,
        seed,
      });
      const n = 1000;
      const counts = tally(injector, n);
      const tolerance = 0.05 * n;
      expect(Math.abs(counts.error - 100)).toBeLessThan(tolerance);
      expect(Math.abs(counts.rateLimit - 200)).toBeLessThan(tolerance);
      expect(Math.abs(counts.timeout - 50)).toBeLessThan(tolerance);
      expect(Math.abs(counts.malformed - 150)).toBeLessThan(tolerance);
      expect(Math.abs(counts.none - 500)).toBeLessThan(tolerance);
      expect(Math.abs(counts.after - 300)).toBeLessThan(tolerance);
      expect(injector.snapshot().requests).toBe(n);
    },
  );

  it('never faults at rate 0 and always at rate 1', () => {
    expect(tally(new FaultInjector({ seed: 5 }), 1000).none).toBe(1000);
    expect(tally(new FaultInjector({ timeoutRate: 1, seed: 5 }), 1000).timeout).toBe(1000);
  });

  it('replays the same faults for the same seed', () => {
    const run = (seed: number) => {
      const injector = new FaultInjector({
        errorRate: 0.3,
        timeoutRate: 0.2,
        faultAfterHandlingRate: 0.1,
        seed,
      });
      return Array.from({ length: 200 }, () => injector.draw());
    };
    expect(run(99)).toEqual(run(99));
    expect(run(99)).not.toEqual(run(100));
  });

  it('restarts the draws when a new policy carries a seed, and goes on without one', () => {
    const injector = new FaultInjector({ errorRate: 0.5, seed: 3 });
    const first = Array.from({ length: 20 }, () => injector.draw().before);
    injector.set(policy({ errorRate: 0.5, seed: 3 }));
    expect(Array.from({ length: 20 }, () => injector.draw().before)).toEqual(first);
    injector.set(policy({ errorRate: 0.5 }));
    expect(injector.policy.seed).toBe(3);
  });

  it('reports a random seed when none was given, so a run can be replayed', () => {
    const seed = new FaultInjector().snapshot().policy.seed;
    expect(Number.isInteger(seed)).toBe(true);
  });

  it('carries stuckJobs to the shared switch, and clear() resets it but keeps the counters', () => {
    const injector = new FaultInjector({ stuckJobs: true, errorRate: 1, seed: 1 });
    expect(injector.stuckSwitch.stuck).toBe(true);
    injector.count('error');
    injector.clear();
    expect(injector.stuckSwitch.stuck).toBe(false);
    expect(injector.snapshot()).toMatchObject({
      policy: { ...NO_FAULTS, seed: 1 },
      injected: { error: 1, rateLimit: 0, timeout: 0, malformed: 0, afterHandling: 0 },
    });
  });

  it('faults every path but the _sandbox control routes', () => {
    const injector = new FaultInjector();
    expect(injector.applies('/identifai/v1/jobs/x')).toBe(true);
    expect(injector.applies('/incode/omni/start')).toBe(true);
    expect(injector.applies('/_sandbox/faults')).toBe(false);
    expect(injector.applies('/incode/_sandbox/fail-next-upload')).toBe(false);
  });
});
