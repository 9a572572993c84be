// Raw HTTP helpers for the faceverify sandbox tests: signed calls built by hand (so the tests see status codes
// and exact bodies), the hosted page's own result POST, and a clock the tests can push forward.
import { signRequest } from '../../../../main/providers/faceverify/signature';
import { SANDBOX_FACEVERIFY } from '../../../../main/sandbox/credentials';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = {};
  }
  return { status: res.status, headers: res.headers, text, json };
}

export interface SignOptions {
  clientId?: string | null;
  secretKey?: string;
  /** Replace the computed signature; null = send none. */
  signature?: string | null;
}

/** A signed request exactly as the seed describes, with each header removable for the 400 cases. */
export function signedCall(method: 'GET' | 'POST', url: string, body: string, options: SignOptions = {}) {
  const clientId = options.clientId === undefined ? SANDBOX_FACEVERIFY.clientId : options.clientId;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (clientId !== null) headers['x-auth-client'] = clientId;
  const signature =
    options.signature === undefined
      ? signRequest({
          method,
          url,
          contentType: 'application/json',
          body,
          clientId: clientId ?? '',
          secretKey: options.secretKey ?? SANDBOX_FACEVERIFY.secretKey,
        })
      : options.signature;
  if (signature !== null) headers['x-hmac-signature'] = signature;
  return call(url, { method, headers, body: method === 'GET' ? undefined : body });
}

export function faceverify(sandboxUrl: string) {
  const base = `${sandboxUrl}/faceverify`;
  return {
    base,
    createSession: (fields: Record<string, string>, options: SignOptions = {}) =>
      signedCall('POST', `${base}/api/v1/session`, JSON.stringify(fields), options),
    status: (sessionId: string, options: SignOptions = {}) =>
      signedCall('GET', `${base}/api/v1/session/${encodeURIComponent(sessionId)}`, '', options),
  };
}

/** What the hosted page sends when the person presses "Start face check". */
export function submitFrame(sessionUrl: string, jpeg: Buffer): Promise<Reply> {
  return call(`${sessionUrl}/result`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ image: jpeg.toString('base64') }),
  });
}

export interface SessionData {
  sessionId: string;
  baseUrl: string;
  Token: string;
  url: string;
}

export function sessionData(reply: Reply): SessionData {
  if (reply.status !== 200) throw new Error(`session: ${reply.status} ${reply.text}`);
  return reply.json.data as SessionData;
}

/** Real time plus an offset the test can push forward (session expiry) without waiting. */
export { ShiftClock } from '../../../support/clocks';

export async function sandboxJobs(sandboxUrl: string): Promise<Array<Record<string, unknown>>> {
  const reply = await call(`${sandboxUrl}/_sandbox/jobs`);
  return (reply.json.jobs as Array<Record<string, unknown>>).filter((j) => j.provider === 'faceverify');
}
