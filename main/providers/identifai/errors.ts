// How IdentifAI's failures are recognised, and how they become the errors the rest of Loket understands.
// Messages are built from our own words plus HttpError's already-redacted message: never a body or header.
import { HttpError } from '../../lib/http-error';
import { ProviderError } from '../provider';
import { isObject, ProviderRejection, unreachable } from '../shared/errors';

export { isObject };

/**
 * The documented refusals of a submission token. Both bodies carry `code: "not-authenticate"`; the wording
 * of the reuse message differs between stored copies of the docs ("is already used" / "has been used"),
 * so the patterns are a setting.
 */
export const DEFAULT_TOKEN_REJECTIONS: readonly RegExp[] = [
  /submission token is expired/i,
  /submission token (is already|has been) used/i,
];

/**
 * A permanent refusal of this request (bad image, unknown job): the record fails with provider_rejected. Its
 * body is kept for audit and for reading a final syncv2 result sent with a 4xx.
 */
export class IdentifaiRejection extends ProviderRejection {
  override readonly name = 'IdentifaiRejection';
  constructor(
    message: string,
    body: unknown = null,
    /** The HTTP status of the refusal, when it was one (a 404 on submit names the slug setting). */
    readonly httpStatus: number | null = null,
  ) {
    super(message, body);
  }
}

export function isAuthRejection(error: unknown): boolean {
  return (
    error instanceof HttpError && error.kind === 'http' && (error.status === 401 || error.status === 403)
  );
}

/** The `{code:"not-authenticate", message:"Submission token is …"}` answer, whatever its HTTP status. */
export function isTokenRejectionBody(body: unknown, patterns: readonly RegExp[]): boolean {
  if (!isObject(body)) return false;
  const message = typeof body.message === 'string' ? body.message : '';
  return body.ok === false && patterns.some((p) => p.test(message));
}

export function isTokenRejection(error: unknown, patterns: readonly RegExp[]): error is HttpError {
  return error instanceof HttpError && isTokenRejectionBody(error.body, patterns);
}

export function providerMessage(body: unknown): string | undefined {
  return isObject(body) && typeof body.message === 'string' ? body.message : undefined;
}

/** The one place a raw failure becomes a ProviderError, an IdentifaiRejection, or goes through unchanged. */
export function classify(error: unknown, what: string): unknown {
  if (!(error instanceof HttpError)) return error;
  if (error.retryable) return unreachable('IdentifAI', what, error);
  if (isAuthRejection(error)) {
    return new ProviderError(
      'provider_auth',
      `IdentifAI refused our credentials for ${what} (HTTP ${error.status}).`,
    );
  }
  return new IdentifaiRejection(`IdentifAI refused ${what}: ${error.message}`, error.body, error.status);
}
