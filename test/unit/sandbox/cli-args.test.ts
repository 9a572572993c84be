import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../main/sandbox/cli-args';

describe('sandbox CLI arguments', () => {
  it('parses the documented options', () => {
    expect(parseCliArgs(['--port', '8787', '--submission-token-ttl', '5', '--latency', '250'])).toEqual({
      port: 8787,
      submissionTokenTtlSeconds: 5,
      latencyMs: 250,
      jobDurationMs: undefined,
    });
    expect(parseCliArgs([]).port).toBe(0);
    expect(parseCliArgs([]).incode).toBeUndefined();
    expect(parseCliArgs(['--incode-needs-finish-status', '--job-duration', '3000'])).toMatchObject({
      jobDurationMs: 3000,
      incode: { finishOnFaceValidation: false },
    });
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--submission-token-ttl', '0'], /--submission-token-ttl/],
    [['--latency', '-5'], /latency/],
    [['--colour', 'red'], /Unknown option/],
    [['stray'], /positional/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
