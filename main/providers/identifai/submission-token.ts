// A one-time submission token from POST /auth/v1/submission_tokens (HMAC-authorised, no body). Each analytics
// request gets its own: a token can create one job and expires five minutes after it is issued.
import { z } from 'zod';
import { ProviderError } from '../provider';
import { classify } from './errors';
import type { HmacCall } from './hmac';
import type { Send } from './transport';

export const SUBMISSION_TOKEN_PATH = '/auth/v1/submission_tokens';

const TokenAnswer = z.object({ submission_token: z.string().min(1) });

export async function mintSubmissionToken(send: Send, hmac: HmacCall, signal?: AbortSignal): Promise<string> {
  let body: unknown;
  try {
    ({ body } = await hmac(
      'a submission token',
      (headers) => send('POST', SUBMISSION_TOKEN_PATH, { headers, signal }),
      signal,
    ));
  } catch (error) {
    throw classify(error, 'a submission token');
  }
  const parsed = TokenAnswer.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(
      'provider_unavailable',
      'IdentifAI answered the submission-token request without a token.',
    );
  }
  return parsed.data.submission_token;
}
