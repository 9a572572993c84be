// A faceverify.ai that does exactly what its one public page ("API Integration") describes, and nothing
// else: `POST /api/v1/session`, signed with `x-auth-client` and `x-hmac-signature`, answering the documented
// 200 body, a 400 for each of the four ways the signing can be wrong, and 400 for a body that is not the
// documented JSON object. Every other method and path answers 404 — as a service with no session status
// endpoint would — so a client that leans on anything undocumented is caught by its tests.
//
// The page says the endpoint can "create new sessions or get existing session link": the same client and
// `uniqueIdentifier` get the same session back. The 400 bodies are not public; these are plain
// `{success:false, message}` bodies in our own words. Nothing here is shared with the sandbox or the client:
// the signature is checked by its own few lines, straight from the page's recipe.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DocsRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  /** The raw body, as UTF-8. */
  body: string;
}

export interface FaceverifyDocsServer {
  /** `http://127.0.0.1:PORT`: the client's base URL. */
  url: string;
  /** Every request received, in order. */
  requests: DocsRequest[];
  /** The sessions created, by id. */
  sessions: Map<string, { uniqueIdentifier: string | null; country: string | null }>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

export async function startFaceverifyDocsServer(credentials: {
  clientId: string;
  secretKey: string;
}): Promise<FaceverifyDocsServer> {
  const requests: DocsRequest[] = [];
  const sessions = new Map<string, { uniqueIdentifier: string | null; country: string | null }>();
  const byIdentifier = new Map<string, string>();
  const tokens = new Map<string, string>();
  let base = '';

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', body });
    const path = new URL(req.url ?? '/', 'http://docs.invalid').pathname;
    if (req.method !== 'POST' || path !== '/api/v1/session') return reply(res, 404, 'Not Found');

    const clientId = req.headers['x-auth-client'];
    const signature = req.headers['x-hmac-signature'];
    if (typeof clientId !== 'string' || clientId === '')
      return refuse(res, 'x-auth-client header is required');
    if (clientId !== credentials.clientId) return refuse(res, 'Unknown x-auth-client');
    if (typeof signature !== 'string' || signature === '')
      return refuse(res, 'x-hmac-signature header is required');
    if (!signedBy(req, body, clientId, signature, credentials.secretKey))
      return refuse(res, 'Invalid signature');

    const fields = documentedBody(body);
    if (!fields) return refuse(res, 'Invalid request body');
    const key = fields.uniqueIdentifier === null ? null : fields.uniqueIdentifier;
    let sessionId = key === null ? undefined : byIdentifier.get(key);
    if (!sessionId) {
      sessionId = randomUUID();
      sessions.set(sessionId, fields);
      tokens.set(sessionId, `eyJ${randomBytes(24).toString('base64url')}`);
      if (key !== null) byIdentifier.set(key, sessionId);
    }
    const token = tokens.get(sessionId) ?? '';
    reply(res, 200, {
      success: true,
      data: { sessionId, baseUrl: base, Token: token, url: `${base}/new/${token}` },
    });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    sessions,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The page's recipe: HMAC-SHA256(secret, `${method}\n${path}\n${query}\n${client}\n${contentType}\n${body}`). */
function signedBy(
  req: IncomingMessage,
  body: string,
  clientId: string,
  signature: string,
  secretKey: string,
): boolean {
  const url = new URL(req.url ?? '/', 'http://docs.invalid');
  const contentType = req.headers['content-type'] ?? '';
  const data = `${req.method ?? ''}\n${url.pathname}\n${url.searchParams.toString()}\n${clientId}\n${contentType}\n${body}`;
  const expected = Buffer.from(createHmac('sha256', secretKey).update(data).digest('hex'));
  const given = Buffer.from(signature.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `{country?: string, uniqueIdentifier?: string}` (both "Optional"); null when the body is not that. */
function documentedBody(body: string): { country: string | null; uniqueIdentifier: string | null } | null {
  let value: unknown;
  try {
    value = body === '' ? {} : JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = value as Record<string, unknown>;
  const text = (name: string): string | null | undefined => {
    const v = fields[name];
    if (v === undefined) return null;
    return typeof v === 'string' ? v : undefined;
  };
  const country = text('country');
  const uniqueIdentifier = text('uniqueIdentifier');
  if (country === undefined || uniqueIdentifier === undefined) return null;
  return { country, uniqueIdentifier };
}

function refuse(res: ServerResponse, message: string): void {
  reply(res, 400, { success: false, message });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
