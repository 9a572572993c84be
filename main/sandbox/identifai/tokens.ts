// Submission tokens: "a one-time authorization token … The token will expire in 5 minutes" (seed). The exact
// consumption rule is not documented, so the sandbox follows the safe reading (PROTOCOLS 1.4): a token may
// create exactly one job, and may then read *that* job until it expires.
import type { Clock } from '../../lib/clock';
import { newSubmissionToken } from './ids';

export type TokenRefusal = 'unknown' | 'expired' | 'used' | 'wrong-job';

interface TokenState {
  issuedAt: number;
  /** The job this token created, once it has. */
  jobId: string | null;
}

export class SubmissionTokenStore {
  private readonly tokens = new Map<string, TokenState>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  issue(): string {
    const now = this.clock.now();
    const token = newSubmissionToken(now);
    this.tokens.set(token, { issuedAt: now, jobId: null });
    return token;
  }

  /** Whether `token` may create a job now. Expiry is reported before reuse: an old token is simply expired. */
  checkSubmit(token: string): TokenRefusal | null {
    const state = this.tokens.get(token);
    if (!state) return 'unknown';
    if (this.expired(state)) return 'expired';
    if (state.jobId !== null) return 'used';
    return null;
  }

  /**
   * Checks again and marks the token used by `jobId`, synchronously, so two concurrent submissions with one
   * token cannot both pass (the caller checks first, validates the body asynchronously, then consumes).
   */
  consume(token: string, jobId: string): TokenRefusal | null {
    const refusal = this.checkSubmit(token);
    if (refusal) return refusal;
    const state = this.tokens.get(token);
    if (state) state.jobId = jobId;
    return null;
  }

  /** Whether `token` may read job `jobId`: only the job it created, only until it expires. */
  checkRead(token: string, jobId: string): TokenRefusal | null {
    const state = this.tokens.get(token);
    if (!state) return 'unknown';
    if (this.expired(state)) return 'expired';
    if (state.jobId === jobId) return null;
    return state.jobId === null ? 'wrong-job' : 'used';
  }

  private expired(state: TokenState): boolean {
    return this.clock.now() >= state.issuedAt + this.ttlMs;
  }
}
