// faceverify.ai request signing, exactly as the API Integration page defines it (PROTOCOLS 2.1):
//   dataToHash = `${method}\n${pathname}\n${searchParams}\n${clientId}\n${contentType}\n${body}`
//   signature  = lowercase hex HMAC-SHA256(key = secret key, message = dataToHash), both UTF-8.
// Pure. The body signed must be the very string sent: the client serialises once and sends that string.
import { createHmac } from 'node:crypto';

export const CLIENT_HEADER = 'x-auth-client';
export const SIGNATURE_HEADER = 'x-hmac-signature';
export const JSON_CONTENT_TYPE = 'application/json';

export interface SignInput {
  /** Uppercase, as sent: 'POST', 'GET'. */
  method: string;
  /** The full request URL; its pathname and `searchParams.toString()` are signed (the seed's JS recipe). */
  url: string;
  /** The Content-Type header value as sent. */
  contentType: string;
  /** The exact body string sent; '' when there is none. */
  body: string;
  /** The API key, sent as `x-auth-client`. */
  clientId: string;
  secretKey: string;
}

/** The string that is signed. */
function stringToSign(input: Omit<SignInput, 'secretKey'>): string {
  const url = new URL(input.url);
  return `${input.method}\n${url.pathname}\n${url.searchParams.toString()}\n${input.clientId}\n${input.contentType}\n${input.body}`;
}

export function signRequest(input: SignInput): string {
  return createHmac('sha256', input.secretKey).update(stringToSign(input), 'utf8').digest('hex');
}
