// Submitting one analytics request: a fresh submission token, the POST, and the documented recovery when
// the token is refused as expired or already used — mint another and try exactly once more.
import { HttpError } from '../../lib/http-error';
import type { HttpResponse } from '../../lib/http';
import { createLogger } from '../../lib/log';
import { ProviderError } from '../provider';
import { classify, isTokenRejection, isTokenRejectionBody, providerMessage } from './errors';
import type { HmacCall } from './hmac';
import { mintSubmissionToken } from './submission-token';
import type { Send } from './transport';

export interface SubmitBody {
  /** data: URIs, `data:image/jpeg;base64,…`. */
  images: string[];
  additional_params?: Record<string, unknown>;
  client_ref?: string;
}

export interface SubmitDeps {
  send: Send;
  hmac: HmacCall;
  tokenRejections: readonly RegExp[];
  /** syncv2 may be authorised with the HMAC pair instead (community clients do); see client options. */
  authorisation: 'submission_token' | 'hmac';
}

export interface Submitted {
  response: HttpResponse;
  /** The token that created the job; '' when the request was HMAC-authorised. */
  token: string;
}

const log = createLogger('identifai');

export async function submitWithFreshToken(
  deps: SubmitDeps,
  path: string,
  body: SubmitBody,
  signal?: AbortSignal,
): Promise<Submitted> {
  const what = `the analytics request ${path}`;
  if (deps.authorisation === 'hmac') {
    try {
      const response = await deps.hmac(
        what,
        (headers) => deps.send('POST', path, { headers, body, signal }),
        signal,
      );
      return { response, token: '' };
    } catch (error) {
      throw classify(error, what);
    }
  }

  const attempt = async (): Promise<Submitted> => {
    const token = await mintSubmissionToken(deps.send, deps.hmac, signal);
    const response = await deps.send('POST', path, { headers: { Authorization: token }, body, signal });
    // Some gateways answer a refused token with 200 and ok:false; treat it as the error it is.
    if (isTokenRejectionBody(response.body, deps.tokenRejections)) {
      throw new HttpError('http', 'POST', path, response.status, response.body, 'submission token refused');
    }
    return { response, token };
  };

  try {
    try {
      return await attempt();
    } catch (error) {
      if (!isTokenRejection(error, deps.tokenRejections)) throw error;
      log.info('submission token refused; minting a new one', {
        path,
        reason: providerMessage((error as HttpError).body),
      });
    }
    try {
      return await attempt();
    } catch (error) {
      if (!isTokenRejection(error, deps.tokenRejections)) throw error;
      throw new ProviderError(
        'provider_auth',
        `IdentifAI refused two fresh submission tokens in a row for ${path} ("${providerMessage(error.body) ?? 'no message'}").`,
      );
    }
  } catch (error) {
    throw classify(error, what);
  }
}
