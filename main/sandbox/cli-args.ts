// Command-line options of `npm run sandbox`, parsed with node:util (kept apart from cli.ts so tests can
// import it without starting a server).
import { parseArgs } from 'node:util';
import { type FaultPolicyInput, MAX_SEED } from './faults/policy';
import type { SandboxOptions } from './server';

export const USAGE = [
  'usage: npm run sandbox -- [--port PORT] [--submission-token-ttl SECONDS] [--latency MS] [--job-duration MS]',
  '         [--error-rate 0-1] [--rate-limit-rate 0-1] [--retry-after SECONDS] [--timeout-rate 0-1]',
  '         [--malformed-rate 0-1] [--fault-after-handling-rate 0-1] [--fault-after-handling-as error|drop]',
  '         [--stuck-jobs] [--seed N] [--incode-needs-finish-status]',
].join('\n');

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function rate(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^(\d+\.?\d*|\.\d+)$/.test(raw) || Number(raw) > 1) {
    throw new Error(`--${name} must be a number from 0 to 1 (a share of the requests), got "${raw}"`);
  }
  return Number(raw);
}

function faultPolicy(values: Record<string, string | boolean | undefined>): FaultPolicyInput | undefined {
  const str = (name: string) => values[name] as string | undefined;
  const as = str('fault-after-handling-as');
  if (as !== undefined && as !== 'error' && as !== 'drop') {
    throw new Error(`--fault-after-handling-as must be "error" or "drop", got "${as}"`);
  }
  const policy: FaultPolicyInput = {
    errorRate: rate('error-rate', str('error-rate')),
    rateLimitRate: rate('rate-limit-rate', str('rate-limit-rate')),
    retryAfterSeconds: integer('retry-after', str('retry-after'), 0, 86_400),
    timeoutRate: rate('timeout-rate', str('timeout-rate')),
    malformedRate: rate('malformed-rate', str('malformed-rate')),
    faultAfterHandlingRate: rate('fault-after-handling-rate', str('fault-after-handling-rate')),
    faultAfterHandlingAs: as,
    stuckJobs: values['stuck-jobs'] === true ? true : undefined,
    seed: integer('seed', str('seed'), 0, MAX_SEED),
  };
  const given = Object.fromEntries(Object.entries(policy).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length === 0) return undefined;
  const sum =
    (policy.errorRate ?? 0) +
    (policy.rateLimitRate ?? 0) +
    (policy.timeoutRate ?? 0) +
    (policy.malformedRate ?? 0);
  if (sum > 1 + 1e-9) {
    throw new Error(
      `--error-rate + --rate-limit-rate + --timeout-rate + --malformed-rate must add up to at most 1, got ${Math.round(sum * 1e6) / 1e6}`,
    );
  }
  return given;
}

export function parseCliArgs(argv: string[]): SandboxOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'submission-token-ttl': { type: 'string' },
      latency: { type: 'string' },
      'job-duration': { type: 'string' },
      'error-rate': { type: 'string' },
      'rate-limit-rate': { type: 'string' },
      'retry-after': { type: 'string' },
      'timeout-rate': { type: 'string' },
      'malformed-rate': { type: 'string' },
      'fault-after-handling-rate': { type: 'string' },
      'fault-after-handling-as': { type: 'string' },
      'stuck-jobs': { type: 'boolean' },
      seed: { type: 'string' },
      // An Incode flow without "Mark session completed on status": ONBOARDING_FINISHED only after
      // GET /omni/finish-status, to rehearse what Loket does at its onboarding deadline.
      'incode-needs-finish-status': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const options: SandboxOptions = {
    port: integer('port', values.port, 0, 65535) ?? 0,
    submissionTokenTtlSeconds: integer('submission-token-ttl', values['submission-token-ttl'], 1, 86_400),
    latencyMs: integer('latency', values.latency, 0, 600_000),
    jobDurationMs: integer('job-duration', values['job-duration'], 0, 600_000),
  };
  if (values['incode-needs-finish-status'] === true) options.incode = { finishOnFaceValidation: false };
  const faults = faultPolicy(values);
  return faults ? { ...options, faults } : options;
}
