// The sandbox's hosted sessions. "Create new sessions or get existing session link" (seed): one client's same
// `uniqueIdentifier` gets the same session back, unless that session has expired (an expired link is of no
// use to anyone, so a new one is made). A pending session expires after the TTL; a finished one stays.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../lib/clock';
import type { FaceCheckResult } from './analysis';

export type StoredStatus = 'pending' | 'analysing' | 'completed' | 'failed';
export type PublicStatus = 'pending' | 'completed' | 'failed' | 'expired';

export interface FaceverifySession {
  id: string;
  token: string;
  clientId: string;
  uniqueIdentifier: string | null;
  country: string | null;
  returnUrl: string | null;
  createdAt: number;
  status: StoredStatus;
  result: FaceCheckResult | null;
}

export interface NewSession {
  clientId: string;
  uniqueIdentifier: string | null;
  country: string | null;
  returnUrl: string | null;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');
/** `{"alg":"HS256","typ":"JWT"}`: tokens look like the seed's `eyJhbGciOi…`. */
const JWT_HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export class SessionStore {
  private readonly byId = new Map<string, FaceverifySession>();
  private readonly byToken = new Map<string, FaceverifySession>();
  private readonly byIdentifier = new Map<string, FaceverifySession>();
  private readonly tokenKey = randomBytes(32);

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** The existing live session for this client and identifier, or a new one (`created` says which). */
  open(request: NewSession): { session: FaceverifySession; created: boolean } {
    const key = request.uniqueIdentifier === null ? null : `${request.clientId}\n${request.uniqueIdentifier}`;
    const existing = key === null ? undefined : this.byIdentifier.get(key);
    if (existing && this.status(existing) !== 'expired') return { session: existing, created: false };

    const now = this.clock.now();
    const id = randomUUID();
    const session: FaceverifySession = {
      id,
      token: this.newToken(id, now),
      clientId: request.clientId,
      uniqueIdentifier: request.uniqueIdentifier,
      country: request.country,
      returnUrl: request.returnUrl,
      createdAt: now,
      status: 'pending',
      result: null,
    };
    this.byId.set(id, session);
    this.byToken.set(session.token, session);
    if (key !== null) this.byIdentifier.set(key, session);
    return { session, created: true };
  }

  get(id: string): FaceverifySession | undefined {
    return this.byId.get(id);
  }

  byHostedToken(token: string): FaceverifySession | undefined {
    return this.byToken.get(token);
  }

  /** What the status endpoint reports: a face check being analysed is still pending. */
  status(session: FaceverifySession): PublicStatus {
    if (session.status === 'completed' || session.status === 'failed') return session.status;
    return this.clock.now() >= session.createdAt + this.ttlMs ? 'expired' : 'pending';
  }

  /** Claims a pending session for one analysis, synchronously: a second submission is refused. */
  claim(session: FaceverifySession): 'ok' | 'expired' | 'closed' {
    if (session.status !== 'pending') return 'closed';
    if (this.status(session) === 'expired') return 'expired';
    session.status = 'analysing';
    return 'ok';
  }

  finish(session: FaceverifySession, status: 'completed' | 'failed', result: FaceCheckResult): void {
    session.status = status;
    session.result = result;
  }

  /** Gives a claimed session back (the analysis could not run): the person may try again. */
  release(session: FaceverifySession): void {
    if (session.status === 'analysing') session.status = 'pending';
  }

  private newToken(sessionId: string, now: number): string {
    const payload = base64url(JSON.stringify({ sid: sessionId, iat: Math.floor(now / 1000) }));
    const signature = createHmac('sha256', this.tokenKey)
      .update(`${JWT_HEADER}.${payload}`)
      .digest('base64url');
    return `${JWT_HEADER}.${payload}.${signature}`;
  }
}
