// A final faceverify session status → one ProviderResult. Pure.
//   no status readable → decided needs_review (see unreadable below);
//   completed → decided: verified when live and (match ?? true), not_verified otherwise;
//   failed    → decided not_verified, with the provider's message (e.g. "No face detected");
//   expired   → failed provider_rejected (the provider forgets the session so a new one can be made).
// The hosted flow is a face check only: there is no KTP to read, so `ocr` is always {}; similarity and match
// are null when faceverify does not report them.
import { redact } from '../../lib/redact';
import type { ProviderResult } from '../provider';
import type { FaceResult, SessionState } from './session';

const NO_RESULT: FaceResult = { liveness: null, live: null, similarity: null, match: null, message: '' };

export function decide(state: SessionState): ProviderResult {
  const raw = state.raw;
  const result = state.result ?? NO_RESULT;
  const outcome = (decision: 'verified' | 'not_verified', providerMessage: string): ProviderResult => ({
    kind: 'decided',
    outcome: {
      decision,
      liveness: result.liveness,
      live: result.live,
      similarity: result.similarity,
      match: result.match,
      ocr: {},
      providerMessage,
    },
    raw,
  });

  switch (state.status) {
    case 'completed': {
      const verified = result.live === true && (result.match ?? true);
      return outcome(verified ? 'verified' : 'not_verified', result.message);
    }
    case 'failed':
      return outcome('not_verified', result.message || 'The face check failed.');
    case 'expired':
      return {
        kind: 'failed',
        code: 'provider_rejected',
        message: redact('The faceverify session expired before the face check was completed.'),
        raw,
      };
    case 'pending':
      throw new RangeError('a pending session has no outcome yet');
  }
}

export type UnreadableReason = 'closed' | 'shown_before';

/**
 * The customer was shown the hosted flow, but faceverify offers Loket no way to read what it found (no status
 * endpoint: `faceverify.statusPath` is null or answers 404). Loket does not guess: the record is decided
 * `needs_review`, with no scores, and a message telling staff where the answer is. `closed`: the person
 * closed the hosted window; `shown_before`: an earlier attempt showed it and ran to its deadline.
 */
export function unreadable(sessionId: string, reason: UnreadableReason): ProviderResult {
  const what =
    reason === 'closed'
      ? 'The customer closed the faceverify face check'
      : 'The customer was shown the faceverify face check earlier';
  return {
    kind: 'decided',
    outcome: {
      decision: 'needs_review',
      liveness: null,
      live: null,
      similarity: null,
      match: null,
      ocr: {},
      providerMessage: redact(
        `${what}, but Loket cannot read its result (faceverify documents no result endpoint; setting faceverify.statusPath). Check session ${sessionId} in faceverify's dashboard.`,
      ),
    },
    raw: { sessionId, status: 'unreadable', reason },
  };
}
