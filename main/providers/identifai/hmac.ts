// An HMAC-authorised call with the one documented recovery: a 401 (or 403) means the signature may have
// aged out server-side, so fetch a new one and try once more; a second refusal is a credentials problem.
import { ProviderError } from '../provider';
import { HttpError } from '../../lib/http-error';
import { isAuthRejection } from './errors';
import { hmacHeaders, type HmacHeaders } from './header';
import type { SignatureProvider } from './signature';

export type HmacCall = <T>(
  what: string,
  call: (headers: HmacHeaders) => Promise<T>,
  signal?: AbortSignal,
) => Promise<T>;

export function createHmacCall(signatures: SignatureProvider, accessKey: string): HmacCall {
  return async (what, call, signal) => {
    const first = await signatures.get(signal);
    try {
      return await call(hmacHeaders({ accessKey, ...first }));
    } catch (error) {
      if (!isAuthRejection(error)) throw error;
    }
    const second = await signatures.refresh(first, signal);
    try {
      return await call(hmacHeaders({ accessKey, ...second }));
    } catch (error) {
      if (!isAuthRejection(error)) throw error;
      throw new ProviderError(
        'provider_auth',
        `IdentifAI refused a freshly signed request for ${what} (${describeStatus(error)}): check the access key and secret key.`,
      );
    }
  };
}

function describeStatus(error: unknown): string {
  return error instanceof HttpError ? `HTTP ${error.status}` : 'refused';
}
