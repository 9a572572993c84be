// The sandbox's own check of faceverify's request signature (PROTOCOLS 2.1), written apart from the client's
// signer so that a mistake in one is not silently mirrored by the other. The string signed is rebuilt from
// the request exactly as received: the method, the path *as the client saw it* (under the sandbox that
// includes the /faceverify prefix), the query as `URLSearchParams.toString()` (the seed's JS recipe), the
// `x-auth-client` and `Content-Type` header values, and the raw body bytes as UTF-8 ('' when there is none).
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ReceivedRequest {
  method: string;
  /** `req.url`: path and query, as received. */
  rawUrl: string;
  clientId: string;
  /** The Content-Type header as received, '' when absent. */
  contentType: string;
  body: Buffer;
}

export function expectedSignature(request: ReceivedRequest, secretKey: string): string {
  const url = new URL(request.rawUrl, 'http://sandbox.invalid');
  const message = [
    request.method.toUpperCase(),
    url.pathname,
    url.searchParams.toString(),
    request.clientId,
    request.contentType,
    request.body.toString('utf8'),
  ].join('\n');
  return createHmac('sha256', Buffer.from(secretKey, 'utf8'))
    .update(Buffer.from(message, 'utf8'))
    .digest('hex');
}

/** Constant-time comparison of hex signatures; the given one may be in either case. */
export function signatureMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim().toLowerCase(), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
