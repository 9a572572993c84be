// The closed list of error codes that cross the bridge. The renderer switches on them exhaustively
// (see renderer/i18n: every code has a sentence in both languages), so adding one is a compile error
// until it is handled.
import type { PhotoRejection } from './capture/precheck';

export const ERROR_CODES = [
  'invalid_request', // the request did not match the channel's schema
  'unknown_channel',
  'forbidden', // wrong sender / missing host secret
  'not_found', // no such record
  'invalid_state', // e.g. submitting a record that has no selfie yet
  'invalid_image', // not a decodable image, too small, too large
  'photo_rejected', // decodable, but main's check refused it: `photo` says which photo and why
  'credentials_missing', // the provider has no credentials in the keychain
  'keychain_locked', // the OS keychain is locked or unavailable
  'provider_auth', // the provider refused our credentials (401/403)
  'provider_unavailable', // network, 5xx or time-out after bounded retries
  'provider_rejected', // the provider answered with a permanent error for this request
  'storage', // SQLite failed
  'sign_in_required', // an assisted desk's channel with nobody signed in (or signed out for being idle)
  'supervisor_required', // a console channel for someone signed in below supervisor (or the training sign-in)
  'consent_required', // a self-service verification without the current consent accepted
  'reason_required', // confirming as verified against open NIK flags or the provider, without a typed reason
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type { PhotoRejection };

export interface BridgeError {
  code: ErrorCode;
  /** Already redacted: never a key, token, NIK or image. */
  message: string;
  /** photo_rejected only: which photo to take again, and why (the renderer says it in words). */
  photo?: PhotoRejection;
}

/** Every response that crosses the bridge is one of these. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Envelope<never> => ({
  ok: false,
  error: { code, message },
});

/** For exhaustive switches: the compiler proves this is never reached. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
