// Reading faceverify's answers. The create-session answer is the seed's `{success, data:{sessionId, baseUrl,
// Token, url}}` (PROTOCOLS 2.2 marks even that [UNCONFIRMED]). The status answer is Loket's assumption — the
// documents say nothing about results — `{success, data:{sessionId, status, result?}}`; see provider.ts.
import { z } from 'zod';
import { isObject } from './errors';

export interface CreatedSession {
  sessionId: string;
  /** The customer-facing link; it carries the Token, so it is as secret as the Token. */
  url: string;
  /** A secret (registered with the redactor by the client); kept only in the saved step. */
  token: string;
  baseUrl: string | null;
}

export const SESSION_STATUSES = ['pending', 'completed', 'failed', 'expired'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface FaceResult {
  liveness: number | null;
  live: boolean | null;
  similarity: number | null;
  match: boolean | null;
  message: string;
}

export interface SessionState {
  sessionId: string;
  /** A status word we do not know is reported as 'pending': the waiter keeps polling until its deadline. */
  status: SessionStatus;
  /** The word as faceverify sent it. */
  rawStatus: string;
  result: FaceResult | null;
  /** The whole answer, kept for audit. */
  raw: unknown;
}

const Id = z.union([z.string().min(1), z.number()]).transform(String);
const HttpUrl = z.url({ protocol: /^https?$/ });

const CreateAnswer = z.object({
  success: z.literal(true),
  data: z.object({
    sessionId: Id,
    baseUrl: z.string().nullish(),
    // The seed spells it `Token`; a lower-case `token` is accepted too.
    Token: z.string().min(1).optional(),
    token: z.string().min(1).optional(),
    url: HttpUrl,
  }),
});

/** null when the answer is not a usable session (no id, no token, no http(s) link). */
export function readCreatedSession(body: unknown): CreatedSession | null {
  const parsed = CreateAnswer.safeParse(body);
  if (!parsed.success) return null;
  const { sessionId, baseUrl, Token, token, url } = parsed.data.data;
  const secret = Token ?? token;
  if (!secret) return null;
  return { sessionId, url, token: secret, baseUrl: baseUrl ?? null };
}

const Result = z.object({
  liveness: z.number().nullish(),
  live: z.boolean().nullish(),
  similarity: z.number().nullish(),
  match: z.boolean().nullish(),
  message: z.string().nullish(),
});

const StatusAnswer = z.object({
  success: z.literal(true),
  data: z.object({
    sessionId: Id.optional(),
    status: z.string(),
    message: z.string().nullish(),
    result: z.unknown().optional(),
  }),
});

/** null when the body is not a status answer at all. */
export function readSessionState(body: unknown, sessionId: string): SessionState | null {
  const parsed = StatusAnswer.safeParse(body);
  if (!parsed.success) return null;
  const { data } = parsed.data;
  const word = data.status.trim().toLowerCase();
  const status = (SESSION_STATUSES as readonly string[]).includes(word) ? (word as SessionStatus) : 'pending';
  const result = readResult(data.result, data.message ?? '');
  return { sessionId: data.sessionId ?? sessionId, status, rawStatus: data.status, result, raw: body };
}

function readResult(value: unknown, fallbackMessage: string): FaceResult | null {
  if (!isObject(value)) {
    return fallbackMessage
      ? { liveness: null, live: null, similarity: null, match: null, message: fallbackMessage }
      : null;
  }
  const parsed = Result.safeParse(value);
  if (!parsed.success) return null;
  const r = parsed.data;
  return {
    liveness: r.liveness ?? null,
    live: r.live ?? null,
    similarity: r.similarity ?? null,
    match: r.match ?? null,
    message: r.message ?? fallbackMessage,
  };
}
