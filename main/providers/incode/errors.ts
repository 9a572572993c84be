// How Incode's failures are recognised, and how they become the errors the rest of Loket understands.
// Messages are built from our own words plus HttpError's already-redacted message (method, path, status):
// never a header, a body, the API key or the session token.
import { HttpError } from '../../lib/http-error';
import { ProviderError } from '../provider';
import { isObject, ProviderRejection, unreachable } from '../shared/errors';

export { isObject };

/**
 * A permanent refusal of this request (a 4xx other than 401/403): the record fails with provider_rejected.
 * Its body is kept for audit (it holds no secret: Incode never echoes the key or token).
 */
export class IncodeRejection extends ProviderRejection {
  override readonly name = 'IncodeRejection';
}

/**
 * Incode answered 401 to a call made with a session token (X-Incode-Hardware-Id): the token is unknown,
 * expired or revoked. The provider decides whether a new session is worth one more try.
 */
export class IncodeSessionRefused extends Error {
  override readonly name = 'IncodeSessionRefused';
  constructor(readonly what: string) {
    super(`Incode refused the session token for ${what} (HTTP 401).`);
  }
}

/**
 * Incode's error body `{timestamp, status, error, message, path}`: `status` is a custom code (4019, 3005…)
 * or the HTTP status. Numeric strings are accepted; null when there is none.
 */
export function errorCode(body: unknown): number | null {
  if (!isObject(body)) return null;
  const status = body.status;
  if (typeof status === 'number' && Number.isInteger(status)) return status;
  if (typeof status === 'string' && /^\d+$/.test(status.trim())) return Number(status.trim());
  return null;
}

/** `error` or `message` of an error body, without Java exception prefixes; '' when neither. */
export function errorText(body: unknown): string {
  if (!isObject(body)) return '';
  const text =
    typeof body.message === 'string' && body.message
      ? body.message
      : typeof body.error === 'string'
        ? body.error
        : '';
  return text.replace(/^[A-Za-z]+Exception:\s*/, '').trim();
}

export type CallKind = 'key' | 'session';

/**
 * The one place a raw failure becomes a ProviderError, an IncodeSessionRefused, an IncodeRejection, or goes
 * through unchanged (aborts, our own errors). `kind` says whether the call carried a session token.
 */
export function classify(error: unknown, what: string, kind: CallKind): unknown {
  if (!(error instanceof HttpError)) return error;
  if (error.retryable) return unreachable('Incode', what, error);
  if (error.status === 403) return new ProviderError('provider_auth', 'Incode refused the API key');
  if (error.status === 401) {
    return kind === 'session'
      ? new IncodeSessionRefused(what)
      : new ProviderError('provider_auth', 'Incode refused the API key (HTTP 401)');
  }
  const code = errorCode(error.body);
  const detail = code !== null && code !== error.status ? ` (Incode code ${code})` : '';
  return new IncodeRejection(`Incode refused ${what}: ${error.message}${detail}`, error.body);
}
