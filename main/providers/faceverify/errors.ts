// How faceverify's failures are recognised, and how they become the errors the rest of Loket understands.
// Messages are built from our own words plus HttpError's already-redacted message: never a body or header.
import { HttpError } from '../../lib/http-error';
import { ProviderError } from '../provider';
import { isObject, ProviderRejection, unreachable } from '../shared/errors';

export { isObject };

/**
 * [UNCONFIRMED] The four documented "400 - case 1..4" bodies are not public. The likely causes are credential
 * problems (missing `x-auth-client`, unknown client, missing `x-hmac-signature`, signature mismatch), so a 400
 * (or a `success:false` answer) whose `code` or `message` matches one of these is a credentials problem
 * (ProviderError 'provider_auth'); any other 400 is a permanent refusal of the request. A setting.
 */
export const DEFAULT_AUTH_REJECTIONS: readonly RegExp[] = [
  /^(MISSING|UNKNOWN|INVALID)_(CLIENT|SIGNATURE)$/i,
  /x-auth-client|x-hmac-signature/i,
  /\b(hmac|signature|api ?key|client ?id|unknown client|invalid client|unauthori[sz]ed)\b/i,
];

/** A permanent refusal of this request: the record fails with provider_rejected. */
export class FaceverifyRejection extends ProviderRejection {
  override readonly name = 'FaceverifyRejection';
  constructor(
    message: string,
    body: unknown = null,
    /** Set when the session is gone for good (unknown or expired): the saved step is forgotten. */
    readonly sessionGone = false,
  ) {
    super(message, body);
  }
}

/** The `code` and `message` of a `{success:false, code?, message?}` body, '' when absent. */
export function failureText(body: unknown): { code: string; message: string } {
  if (!isObject(body)) return { code: '', message: typeof body === 'string' ? body.slice(0, 200) : '' };
  return {
    code: typeof body.code === 'string' ? body.code : '',
    message:
      typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : '',
  };
}

export function isCredentialRefusal(body: unknown, patterns: readonly RegExp[]): boolean {
  const { code, message } = failureText(body);
  return patterns.some((p) => (code !== '' && p.test(code)) || (message !== '' && p.test(message)));
}

/** A refusal answered with 200 and `success:false` (some gateways do): the error it really is. */
export function refusalOf(body: unknown, what: string, patterns: readonly RegExp[]): Error {
  const { code, message } = failureText(body);
  const detail = [code, message].filter((s) => s !== '').join(': ') || 'no message';
  if (isCredentialRefusal(body, patterns)) {
    return new ProviderError('provider_auth', `faceverify refused our credentials for ${what} (${detail}).`);
  }
  return new FaceverifyRejection(`faceverify refused ${what} (${detail}).`, body);
}

/** The one place a raw failure becomes a ProviderError, a FaceverifyRejection, or goes through unchanged. */
export function classify(error: unknown, what: string, patterns: readonly RegExp[]): unknown {
  if (!(error instanceof HttpError)) return error;
  if (error.retryable) return unreachable('faceverify', what, error);
  if (error.status === 401 || error.status === 403) {
    return new ProviderError(
      'provider_auth',
      `faceverify refused our credentials for ${what} (HTTP ${error.status}).`,
    );
  }
  if (error.status === 400 && isCredentialRefusal(error.body, patterns)) {
    const { code } = failureText(error.body);
    return new ProviderError(
      'provider_auth',
      `faceverify refused our credentials for ${what} (HTTP 400${code ? ` ${code}` : ''}): check the client id and secret key.`,
    );
  }
  const { code, message } = failureText(error.body);
  const detail = [code, message].filter((s) => s !== '').join(': ');
  return new FaceverifyRejection(
    `faceverify refused ${what}: ${error.message}${detail ? ` (${detail})` : ''}`,
    error.body,
    // 410 Gone says so. A 404 from the status endpoint means the endpoint itself is missing (client.ts) and
    // never reaches here; on the documented POST it means a wrong base URL, and there is no session to forget.
    error.status === 410,
  );
}
