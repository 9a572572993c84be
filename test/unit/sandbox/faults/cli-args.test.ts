// The fault flags of `npm run sandbox`.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../../main/sandbox/cli-args';

describe('sandbox CLI fault flags', () => {
  it('parses every fault flag into the fault policy', () => {
    expect(
      parseCliArgs([
        '--port',
        '8787',
        '--error-rate',
        '0.1',
        '--rate-limit-rate',
        '.05',
        '--retry-after',
        '7',
        '--timeout-rate',
        '0',
        '--malformed-rate',
        '0.25',
        '--fault-after-handling-rate',
        '1',
        '--fault-after-handling-as',
        'drop',
        '--stuck-jobs',
        '--seed',
        '42',
      ]),
    ).toEqual({
      port: 8787,
      faults: {
        errorRate: 0.1,
        rateLimitRate: 0.05,
        retryAfterSeconds: 7,
        timeoutRate: 0,
        malformedRate: 0.25,
        faultAfterHandlingRate: 1,
        faultAfterHandlingAs: 'drop',
        stuckJobs: true,
        seed: 42,
      },
    });
  });

  it('leaves the faults out when no fault flag is given', () => {
    expect(parseCliArgs(['--port', '1'])).not.toHaveProperty('faults');
    expect(parseCliArgs(['--stuck-jobs']).faults).toEqual({ stuckJobs: true });
  });

  it.each([
    [['--error-rate', '1.5'], /--error-rate must be a number from 0 to 1/],
    [['--timeout-rate=-0.1'], /--timeout-rate must be a number from 0 to 1/],
    [['--malformed-rate', 'often'], /--malformed-rate must be a number from 0 to 1/],
    [['--rate-limit-rate', '1e-1'], /--rate-limit-rate must be a number/],
    [['--fault-after-handling-rate', '2'], /--fault-after-handling-rate must be a number/],
    [['--retry-after', '1.5'], /--retry-after must be a whole number from 0 to 86400/],
    [['--seed', '4294967296'], /--seed must be a whole number from 0 to 4294967295/],
    [['--fault-after-handling-as', 'lost'], /--fault-after-handling-as must be "error" or "drop"/],
    [['--error-rate', '0.6', '--timeout-rate', '0.5'], /must add up to at most 1, got 1\.1/],
    [['--stuck-jobs=yes'], /stuck-jobs/],
    [['--error-rate'], /argument missing/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
