// The sandbox's fault switchboard: holds the current policy, draws each provider request's fate from a seeded
// PRNG, counts every fault it injects and carries the shared `stuck` flag the job stores read.
import { randomInt } from 'node:crypto';
import {
  type AfterFault,
  type BeforeFault,
  type FaultPolicy,
  type FaultPolicyInput,
  MAX_SEED,
  NO_FAULTS,
  parseFaultPolicy,
  pickAfterFault,
  pickBeforeFault,
} from './policy';
import { seededRandom } from './prng';

/** Read by the IdentifAI job store and the Incode status machine (see identifai/jobs.ts, incode/status.ts). */
export interface StuckSwitch {
  readonly stuck: boolean;
}

export interface FaultCounts {
  error: number;
  rateLimit: number;
  timeout: number;
  malformed: number;
  /** Requests handled whose answer was then replaced by a 503 or dropped. */
  afterHandling: number;
}

export interface FaultSnapshot {
  /** The policy in force, every field filled in; `seed` is the one in use (drawn at random if none was set). */
  policy: FaultPolicy;
  /** Provider requests seen since the sandbox started (the denominator of the rates). */
  requests: number;
  /** Faults injected since the sandbox started; neither PUT nor DELETE resets them. */
  injected: FaultCounts;
}

export interface FaultDraw {
  before: BeforeFault | null;
  after: AfterFault | null;
}

export class FaultInjector {
  private current: FaultPolicy = { ...NO_FAULTS };
  private seed = 0;
  private random: () => number = Math.random;
  private requests = 0;
  private readonly counts: FaultCounts = {
    error: 0,
    rateLimit: 0,
    timeout: 0,
    malformed: 0,
    afterHandling: 0,
  };
  private readonly switch = { stuck: false };

  /** Throws on an invalid policy (the message lists every problem). */
  constructor(initial: FaultPolicyInput = {}) {
    const parsed = parseFaultPolicy(initial);
    if (!parsed.ok) throw new Error(`invalid sandbox fault policy: ${parsed.errors.join('; ')}`);
    this.set(parsed.policy);
  }

  get policy(): Readonly<FaultPolicy> {
    return this.current;
  }

  get stuckSwitch(): StuckSwitch {
    return this.switch;
  }

  /** Replaces the policy. A seed restarts the draws from it; without one the draws go on where they were. */
  set(policy: FaultPolicy): void {
    if (policy.seed !== undefined) {
      this.seed = policy.seed;
      this.random = seededRandom(policy.seed);
    } else if (this.random === Math.random) {
      this.seed = randomInt(MAX_SEED + 1);
      this.random = seededRandom(this.seed);
    }
    this.current = { ...policy, seed: this.seed };
    this.switch.stuck = policy.stuckJobs;
  }

  /** Back to a healthy line (the counters are kept). */
  clear(): void {
    this.set({ ...NO_FAULTS });
  }

  /** Whether a path is subject to faults: everything but the sandbox's own `_sandbox` control routes. */
  applies(pathname: string): boolean {
    return !pathname.split('/').includes('_sandbox');
  }

  /** One request's fate; always consumes exactly two numbers, so the sequence depends only on request order. */
  draw(): FaultDraw {
    this.requests += 1;
    const u1 = this.random();
    const u2 = this.random();
    return { before: pickBeforeFault(this.current, u1), after: pickAfterFault(this.current, u2) };
  }

  count(kind: keyof FaultCounts): void {
    this.counts[kind] += 1;
  }

  snapshot(): FaultSnapshot {
    return { policy: { ...this.current }, requests: this.requests, injected: { ...this.counts } };
  }
}
