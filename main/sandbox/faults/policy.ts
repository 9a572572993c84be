// The fault policy: how often the sandbox plays a bad branch line instead of answering. Every rate is a share
// (0–1) of the provider requests (everything but /_sandbox/*). The four "before" faults share one draw, so
// their rates must add up to at most 1; a faulted request never reaches the provider stand-in (no job, no
// session, no token). faultAfterHandlingRate is drawn apart: the request IS handled (the job exists and is
// listed in /_sandbox/jobs) and only then is the answer lost — the "request sent, answer lost" window.

export type BeforeFault = 'error' | 'rateLimit' | 'timeout' | 'malformed';
export type AfterFault = 'error' | 'drop';

export interface FaultPolicy {
  /** Answer 503 with a JSON body. */
  errorRate: number;
  /** Answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitRate: number;
  retryAfterSeconds: number;
  /** Never answer: the socket is held until the client gives up or the sandbox closes. */
  timeoutRate: number;
  /** Answer 200 with a truncated JSON body. */
  malformedRate: number;
  /** Handle the request, then replace the answer by a 503 ('error') or close the socket ('drop'). */
  faultAfterHandlingRate: number;
  faultAfterHandlingAs: AfterFault;
  /** IdentifAI jobs stay "on going" and Incode onboarding never reaches ONBOARDING_FINISHED while set. */
  stuckJobs: boolean;
  /** 32-bit seed of the draws; absent = a random one (reported by GET /_sandbox/faults). */
  seed?: number;
}

export type FaultPolicyInput = Partial<FaultPolicy>;

export const DEFAULT_RETRY_AFTER_SECONDS = 2;
export const MAX_SEED = 0xffffffff;

export const NO_FAULTS: Readonly<FaultPolicy> = {
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS,
  timeoutRate: 0,
  malformedRate: 0,
  faultAfterHandlingRate: 0,
  faultAfterHandlingAs: 'error',
  stuckJobs: false,
};

const RATES = [
  'errorRate',
  'rateLimitRate',
  'timeoutRate',
  'malformedRate',
  'faultAfterHandlingRate',
] as const;
const BEFORE_RATES = ['errorRate', 'rateLimitRate', 'timeoutRate', 'malformedRate'] as const;
const KEYS: readonly string[] = [...RATES, 'retryAfterSeconds', 'faultAfterHandlingAs', 'stuckJobs', 'seed'];

export type PolicyResult = { ok: true; policy: FaultPolicy } | { ok: false; errors: string[] };

/** Checks a policy (e.g. the JSON body of PUT /_sandbox/faults); missing fields take the no-fault defaults. */
export function parseFaultPolicy(value: unknown): PolicyResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['the fault policy must be a JSON object'] };
  }
  const input = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(input)) {
    if (!KEYS.includes(key)) errors.push(`unknown field "${key}" (known: ${KEYS.join(', ')})`);
  }
  const policy: FaultPolicy = { ...NO_FAULTS };
  for (const key of RATES) {
    const v = input[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      errors.push(`${key} must be a number from 0 to 1, got ${JSON.stringify(v)}`);
    } else {
      policy[key] = v;
    }
  }
  const retryAfter = input.retryAfterSeconds;
  if (retryAfter !== undefined) {
    if (!Number.isInteger(retryAfter) || (retryAfter as number) < 0 || (retryAfter as number) > 86_400) {
      errors.push(
        `retryAfterSeconds must be a whole number from 0 to 86400, got ${JSON.stringify(retryAfter)}`,
      );
    } else {
      policy.retryAfterSeconds = retryAfter as number;
    }
  }
  const as = input.faultAfterHandlingAs;
  if (as !== undefined) {
    if (as !== 'error' && as !== 'drop') {
      errors.push(`faultAfterHandlingAs must be "error" or "drop", got ${JSON.stringify(as)}`);
    } else {
      policy.faultAfterHandlingAs = as;
    }
  }
  const stuck = input.stuckJobs;
  if (stuck !== undefined) {
    if (typeof stuck !== 'boolean')
      errors.push(`stuckJobs must be true or false, got ${JSON.stringify(stuck)}`);
    else policy.stuckJobs = stuck;
  }
  const seed = input.seed;
  if (seed !== undefined) {
    if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > MAX_SEED) {
      errors.push(`seed must be a whole number from 0 to ${MAX_SEED}, got ${JSON.stringify(seed)}`);
    } else {
      policy.seed = seed as number;
    }
  }
  const sum = BEFORE_RATES.reduce((total, key) => total + policy[key], 0);
  if (sum > 1 + 1e-9) {
    errors.push(`${BEFORE_RATES.join(' + ')} must add up to at most 1, got ${round(sum)}`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy };
}

/** Which "before" fault a uniform draw `u` in [0, 1) selects: the rates are consecutive slices of [0, 1). */
export function pickBeforeFault(policy: FaultPolicy, u: number): BeforeFault | null {
  let edge = 0;
  const slices: [BeforeFault, number][] = [
    ['error', policy.errorRate],
    ['rateLimit', policy.rateLimitRate],
    ['timeout', policy.timeoutRate],
    ['malformed', policy.malformedRate],
  ];
  for (const [kind, rate] of slices) {
    edge += rate;
    if (u < edge) return kind;
  }
  return null;
}

/** Whether a second, independent draw loses the answer of a handled request. */
export function pickAfterFault(policy: FaultPolicy, u: number): AfterFault | null {
  return u < policy.faultAfterHandlingRate ? policy.faultAfterHandlingAs : null;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
