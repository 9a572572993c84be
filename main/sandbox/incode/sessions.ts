// Onboarding sessions, in memory: what /omni/start created and what each later call left on it. Looked up by
// session token (X-Incode-Hardware-Id) or by interviewId.
import type { Clock } from '../../lib/clock';
import type { DocumentAnalysis, SelfieAnalysis } from './analysis';
import { newInterviewCode, newInterviewId, newSessionToken } from './ids';
import type { SelfieFace } from './rules';
import type { Milestones } from './status';

/** What /omni/process/face found; the score reads it once FACE_VALIDATION_FINISHED is reached. */
export interface FaceMatch {
  /** 0–1; 0 when the front side has no face. */
  similarity: number;
  confidence: 0 | 1;
  /** The selfie face that was compared. */
  selfie: SelfieFace;
  isBright: boolean;
}

export interface IncodeSession extends Milestones {
  token: string;
  interviewId: string;
  interviewCode: string;
  countryCode: string;
  configurationId: string | null;
  externalCustomerId: string | null;
  language: string | null;
  redirectUrl: string | null;
  front: DocumentAnalysis | null;
  back: DocumentAnalysis | null;
  /** The last selfie that was accepted (HTTP 200). */
  selfie: SelfieAnalysis | null;
  faceMatch: FaceMatch | null;
  /** Calls recorded in the job registry so far (ids are `${interviewId}-${n}`). */
  recorded: number;
}

export interface NewSession {
  countryCode: string;
  configurationId: string | null;
  externalCustomerId: string | null;
  language: string | null;
  redirectUrl: string | null;
}

export class IncodeSessionStore {
  private readonly byToken = new Map<string, IncodeSession>();
  private readonly byId = new Map<string, IncodeSession>();

  constructor(
    private readonly clock: Clock,
    private readonly clientId: string,
    private readonly ttlMs: number,
  ) {}

  create(fields: NewSession): IncodeSession {
    const now = this.clock.now();
    const interviewId = newInterviewId(now);
    const session: IncodeSession = {
      ...fields,
      token: newSessionToken(interviewId, this.clientId, now, this.ttlMs),
      interviewId,
      interviewCode: newInterviewCode(),
      createdAt: now,
      idProcessedAt: null,
      faceProcessedAt: null,
      finishRequestedAt: null,
      front: null,
      back: null,
      selfie: null,
      faceMatch: null,
      recorded: 0,
    };
    this.byToken.set(session.token, session);
    this.byId.set(interviewId, session);
    return session;
  }

  withToken(token: string): IncodeSession | undefined {
    return this.byToken.get(token);
  }

  withInterviewId(interviewId: string): IncodeSession | undefined {
    return this.byId.get(interviewId);
  }
}
