// What the session step leaves in the record (ctx.save), so a later run resumes waiting on the same hosted
// session instead of opening a new one. The shape is checked when read back: the store hands back unknown.
// The Token is kept here and nowhere else (not in a log line, not in the customer action, not in `raw`).
import { z } from 'zod';
import type { CreatedSession } from './session';

export const SESSION_STEP = 'session';

export interface SavedSession {
  sessionId: string;
  url: string;
  token: string;
  /** ISO 8601, when Loket received the session. */
  createdAt: string;
  /**
   * ISO 8601, when the hosted flow was first shown to the customer. A resumed run whose result cannot be read
   * (no status endpoint) does not show it again to whoever is at the kiosk now: it goes to review.
   */
  shownAt?: string;
}

const Saved = z.object({
  sessionId: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  token: z.string().min(1),
  createdAt: z.string(),
  shownAt: z.string().optional(),
});

export function toSaved(session: CreatedSession, now: number): SavedSession {
  return {
    sessionId: session.sessionId,
    url: session.url,
    token: session.token,
    createdAt: new Date(now).toISOString(),
  };
}

/** null when nothing (usable) was saved: the session is requested again (same identifier, same session). */
export function fromSaved(value: unknown): SavedSession | null {
  const parsed = Saved.safeParse(value);
  return parsed.success ? parsed.data : null;
}
