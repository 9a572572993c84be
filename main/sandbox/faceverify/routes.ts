// The faceverify endpoints, mounted by the server under /faceverify:
//   POST /api/v1/session              signed; creates (or returns the existing) hosted session   [seed]
//   GET  /api/v1/session/:id          signed; the session's status                               [Loket's assumption]
//   GET  /new/:token                  the hosted face-check page
//   POST /new/:token/result           the page's captured frame → the face check → the session ends
//   GET  /assets/:name                the page's script and stylesheet
// Signed requests are checked in this order, each with its own 400 body (the real four "400 - case" bodies are
// not public; these codes are the sandbox's choice): MISSING_CLIENT, UNKNOWN_CLIENT, MISSING_SIGNATURE,
// INVALID_SIGNATURE. The signature is recomputed over the raw body and the full path as received.
import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../lib/clock';
import { createLogger } from '../../lib/log';
import { UndecodableImageError } from '../faces/image';
import { header, parseJson, readBody, sendJson } from '../http/io';
import { type RouteContext, Router } from '../http/router';
import type { JobRegistry } from '../registry';
import { analyseFaceCheck } from './analysis';
import { sendAsset, sendPage } from './hosted-page';
import type { FaceverifySession, SessionStore } from './sessions';
import { expectedSignature, signatureMatches } from './signature';

/** The session request is a few short strings. */
const MAX_API_BODY_BYTES = 64 * 1024;
/** One camera frame as base64 JSON. */
const MAX_RESULT_BODY_BYTES = 8 * 1024 * 1024;

export interface FaceverifyClientCredential {
  clientId: string;
  secretKey: string;
}

export interface FaceverifyContext {
  clock: Clock;
  credentials: readonly FaceverifyClientCredential[];
  sessions: SessionStore;
  registry: JobRegistry;
  livenessThreshold: number;
  /** `http://host:port` of the links handed out; null = from the request's Host header. */
  publicUrl: string | null;
  /** The mount prefix, e.g. '/faceverify', for the links handed out. */
  prefix: string;
}

export const AUTH_ERRORS = {
  MISSING_CLIENT: 'The x-auth-client header is required',
  UNKNOWN_CLIENT: 'Unknown client',
  MISSING_SIGNATURE: 'The x-hmac-signature header is required',
  INVALID_SIGNATURE: 'Invalid HMAC signature',
} as const;
export type AuthErrorCode = keyof typeof AUTH_ERRORS;

const log = createLogger('sandbox');

export function faceverifyRoutes(ctx: FaceverifyContext): Router {
  const router = new Router();
  router.add('POST', '/api/v1/session', (rc) => createSession(ctx, rc));
  router.add('GET', '/api/v1/session/:id', (rc) => getSession(ctx, rc));
  router.add('GET', '/new/:token', (rc) => hostedPage(ctx, rc));
  router.add('POST', '/new/:token/result', (rc) => submitResult(ctx, rc));
  router.add('GET', '/assets/:name', ({ res, params }) => {
    if (!sendAsset(res, params.name ?? '')) sendJson(res, 404, failure('NOT_FOUND', 'Not found'));
  });
  return router;
}

function failure(code: string, message: string) {
  return { success: false, code, message };
}

type Authenticated = { ok: true; clientId: string } | { ok: false; code: AuthErrorCode };

function authenticate(ctx: FaceverifyContext, req: IncomingMessage, body: Buffer): Authenticated {
  const clientId = header(req, 'x-auth-client')?.trim();
  if (!clientId) return { ok: false, code: 'MISSING_CLIENT' };
  const credential = ctx.credentials.find((c) => c.clientId === clientId);
  if (!credential) return { ok: false, code: 'UNKNOWN_CLIENT' };
  const signature = header(req, 'x-hmac-signature')?.trim();
  if (!signature) return { ok: false, code: 'MISSING_SIGNATURE' };
  const expected = expectedSignature(
    {
      method: req.method ?? 'GET',
      rawUrl: req.url ?? '/',
      clientId,
      contentType: header(req, 'content-type') ?? '',
      body,
    },
    credential.secretKey,
  );
  if (!signatureMatches(signature, expected)) return { ok: false, code: 'INVALID_SIGNATURE' };
  return { ok: true, clientId };
}

function rootUrl(ctx: FaceverifyContext, req: IncomingMessage): string {
  if (ctx.publicUrl) return ctx.publicUrl.replace(/\/+$/, '');
  const host = header(req, 'host');
  if (host && /^[A-Za-z0-9.\-:[\]]+$/.test(host)) return `http://${host}`;
  const { localAddress, localPort } = req.socket;
  return `http://${localAddress ?? '127.0.0.1'}:${localPort ?? 80}`;
}

type SessionBody = { uniqueIdentifier: string | null; country: string | null; returnUrl: string | null };

function readSessionBody(raw: Buffer): { ok: true; value: SessionBody } | { ok: false; message: string } {
  const parsed = parseJson(raw);
  if (!parsed.ok) return { ok: false, message: 'Request body is not valid JSON' };
  const value = parsed.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'Request body must be a JSON object' };
  }
  const fields = value as Record<string, unknown>;
  const text = (name: string, max: number): string | null | Error => {
    const v = fields[name];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v.length === 0 || v.length > max) {
      return new Error(`${name} must be a non-empty string of at most ${max} characters`);
    }
    return v;
  };
  const uniqueIdentifier = text('uniqueIdentifier', 256);
  const country = text('country', 8);
  const returnUrl = text('returnUrl', 2048);
  for (const v of [uniqueIdentifier, country, returnUrl])
    if (v instanceof Error) return { ok: false, message: v.message };
  if (typeof returnUrl === 'string' && !/^https?:\/\//i.test(returnUrl)) {
    return { ok: false, message: 'returnUrl must be an http(s) URL' };
  }
  return {
    ok: true,
    value: {
      uniqueIdentifier: uniqueIdentifier as string | null,
      country: country as string | null,
      returnUrl: returnUrl as string | null,
    },
  };
}

async function createSession(ctx: FaceverifyContext, { req, res }: RouteContext): Promise<void> {
  const raw = await readBody(req, MAX_API_BODY_BYTES);
  const auth = authenticate(ctx, req, raw);
  if (!auth.ok) {
    log.info('faceverify request refused', { code: auth.code });
    return sendJson(res, 400, failure(auth.code, AUTH_ERRORS[auth.code]));
  }
  const body = readSessionBody(raw);
  if (!body.ok) return sendJson(res, 400, failure('INVALID_BODY', body.message));

  const { session, created } = ctx.sessions.open({ clientId: auth.clientId, ...body.value });
  if (created) {
    ctx.registry.record({
      id: session.id,
      provider: 'faceverify',
      analytic: 'session',
      client_ref: session.uniqueIdentifier,
      createdAt: new Date(session.createdAt).toISOString(),
    });
    log.info('faceverify session created', { id: session.id });
  }
  const base = `${rootUrl(ctx, req)}${ctx.prefix}`;
  sendJson(res, 200, {
    success: true,
    data: {
      sessionId: session.id,
      baseUrl: base,
      Token: session.token,
      url: `${base}/new/${session.token}`,
    },
  });
}

function statusBody(ctx: FaceverifyContext, session: FaceverifySession) {
  const status = ctx.sessions.status(session);
  const finished = status === 'completed' || status === 'failed';
  return {
    success: true,
    data: {
      sessionId: session.id,
      status,
      ...(finished && session.result ? { result: session.result } : {}),
    },
  };
}

async function getSession(ctx: FaceverifyContext, { req, res, params }: RouteContext): Promise<void> {
  const raw = await readBody(req, MAX_API_BODY_BYTES);
  const auth = authenticate(ctx, req, raw);
  if (!auth.ok) return sendJson(res, 400, failure(auth.code, AUTH_ERRORS[auth.code]));
  const session = ctx.sessions.get(params.id ?? '');
  // Another client's session is reported as unknown, not as forbidden.
  if (!session || session.clientId !== auth.clientId) {
    return sendJson(res, 404, failure('SESSION_NOT_FOUND', 'Session not found'));
  }
  sendJson(res, 200, statusBody(ctx, session));
}

function hostedPage(ctx: FaceverifyContext, { res, params }: RouteContext): void {
  const session = ctx.sessions.byHostedToken(params.token ?? '');
  if (!session) return sendPage(res, 404, 'unknown');
  const status = ctx.sessions.status(session);
  if (status === 'expired') return sendPage(res, 410, 'expired');
  sendPage(res, 200, status === 'pending' ? 'pending' : 'done');
}

async function submitResult(ctx: FaceverifyContext, { req, res, params }: RouteContext): Promise<void> {
  const raw = await readBody(req, MAX_RESULT_BODY_BYTES);
  const session = ctx.sessions.byHostedToken(params.token ?? '');
  if (!session) return sendJson(res, 404, failure('SESSION_NOT_FOUND', 'Session not found'));
  const parsed = parseJson(raw);
  const image =
    parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && 'image' in parsed.value
      ? parsed.value.image
      : undefined;
  if (typeof image !== 'string' || image.length === 0) {
    return sendJson(res, 400, failure('INVALID_BODY', 'Expected {"image": "<base64 JPEG>"}'));
  }
  const claim = ctx.sessions.claim(session);
  if (claim === 'expired') return sendJson(res, 410, failure('SESSION_EXPIRED', 'The session has expired'));
  if (claim === 'closed')
    return sendJson(res, 409, failure('SESSION_CLOSED', 'The session has already ended'));

  const jpeg = Buffer.from(image.replace(/^data:image\/[a-z]+;base64,/i, ''), 'base64');
  try {
    const check = await analyseFaceCheck(jpeg, ctx.livenessThreshold);
    ctx.sessions.finish(session, check.status, check.result);
    log.info('faceverify face check done', { id: session.id, status: check.status });
    sendJson(res, 200, { success: true, data: { status: check.status, returnUrl: session.returnUrl } });
  } catch (error) {
    ctx.sessions.release(session);
    if (error instanceof UndecodableImageError) {
      return sendJson(res, 400, failure('INVALID_IMAGE', 'The image could not be decoded'));
    }
    throw error;
  }
}
