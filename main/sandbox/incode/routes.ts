// The Incode Omni endpoints (PROTOCOLS 3.2), mounted by the server under /incode. Every handler goes through
// the same gate: read the body, x-api-key (403), api-version (400), session token (401), JSON (400); only then
// is the call recorded in the job registry (analytic = the path, e.g. "omni/add/front-id/v2") and handled.
// Each session route is also served under /0/omni/... without x-api-key: the seed's token-only URL for SDKs.
import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../lib/clock';
import { createLogger } from '../../lib/log';
import { UndecodableImageError } from '../faces/image';
import { parseJson, readBody, sendJson } from '../http/io';
import { type RouteContext, Router } from '../http/router';
import { similarityScore } from '../identifai/analytics';
import type { JobRegistry } from '../registry';
import { type SelfieAnalysis, analyseDocument, analyseSelfie } from './analysis';
import { type AuthPolicy, authenticateSession, checkClientHeaders } from './auth';
import { type IncodeError, customError, errorBody, httpError } from './errors';
import { ocrBody } from './ocr';
import { type FlowSettings, type IncodeEnv, selfieBody, sideBody, startBody } from './responses';
import { type ScoreStatus, type Thresholds, faceMatchConfidence } from './rules';
import { scoreBody } from './score';
import type { IncodeSession, IncodeSessionStore } from './sessions';
import { type StatusTiming, isExpired, onboardingStatus, timeline } from './status';

/** Incode's documented request limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface IncodeContext {
  clock: Clock;
  registry: JobRegistry;
  sessions: IncodeSessionStore;
  auth: AuthPolicy;
  timing: StatusTiming;
  thresholds: Thresholds;
  clientId: string;
  env: IncodeEnv;
  flow: FlowSettings;
  cardWidthFraction: number;
  selfieFlags: { hasLenses: boolean; hasFaceMask: boolean };
  forceSelfieErrorCode: number | null;
  /**
   * Test switch armed over HTTP (`POST /incode/_sandbox/fail-next-upload`): the next front-ID upload
   * answers HTTP 200 with classification false and this failReason, whatever the image. Lets an end-to-end
   * test force one retake through a real browser whose camera shows a good card.
   */
  armed: { frontIdFailReason: string | null };
  selfieAge: number;
  redirectionUrl: string;
  finishActions: Record<ScoreStatus, string>;
}

interface Reply {
  status: number;
  body: unknown;
}

interface Call {
  req: IncomingMessage;
  url: URL;
  /** The API path as the client sees it, e.g. `/omni/start` or `/0/omni/get/score`. */
  path: string;
  now: number;
  body: unknown;
}

interface SessionCall extends Call {
  session: IncodeSession;
}

type Handler<C> = (ctx: IncodeContext, call: C) => Promise<Reply> | Reply;

type RouteSpec =
  | { method: 'GET' | 'POST'; path: string; session: false; handle: Handler<Call> }
  | {
      method: 'GET' | 'POST';
      path: string;
      session: true;
      /** Answer for an expired session too (the status endpoint reports EXPIRED). */
      allowExpired?: boolean;
      handle: Handler<SessionCall>;
    };

const log = createLogger('sandbox');

const ROUTES: readonly RouteSpec[] = [
  { method: 'POST', path: '/omni/start', session: false, handle: start },
  {
    method: 'POST',
    path: '/omni/add/front-id/v2',
    session: true,
    handle: (c, call) => addSide(c, call, 'front'),
  },
  {
    method: 'POST',
    path: '/omni/add/back-id/v2',
    session: true,
    handle: (c, call) => addSide(c, call, 'back'),
  },
  { method: 'POST', path: '/omni/process/id', session: true, handle: processId },
  { method: 'POST', path: '/omni/add/face/third-party', session: true, handle: addFace },
  { method: 'POST', path: '/omni/process/face', session: true, handle: processFace },
  { method: 'GET', path: '/omni/get/onboarding/status', session: true, allowExpired: true, handle: status },
  { method: 'GET', path: '/omni/finish-status', session: true, handle: finishStatus },
  { method: 'GET', path: '/omni/get/score', session: true, handle: score },
  { method: 'GET', path: '/omni/get/ocr-data', session: true, handle: ocrData },
];

const FAIL_REASONS = [
  'UNKNOWN_DOCUMENT_TYPE',
  'WRONG_DOCUMENT_SIDE',
  'WRONG_ONE_SIDED_DOCUMENT',
  'DOCUMENT_NOT_READABLE',
  'UNABLE_TO_ALIGN_DOCUMENT',
  'ID_TYPE_UNACCEPTABLE',
];

export function incodeRoutes(ctx: IncodeContext): Router {
  const router = new Router();
  router.add('POST', '/_sandbox/fail-next-upload', async ({ req, res }) => {
    const parsed = parseJson(await readBody(req, 4096));
    const body = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : {};
    const upload = 'upload' in body ? body.upload : undefined;
    const reason =
      'failReason' in body && typeof body.failReason === 'string' ? body.failReason : 'DOCUMENT_NOT_READABLE';
    if (upload !== 'front-id' || !FAIL_REASONS.includes(reason)) {
      return sendJson(res, 400, {
        ok: false,
        message: `upload must be "front-id"; failReason one of ${FAIL_REASONS.join(', ')}`,
      });
    }
    ctx.armed.frontIdFailReason = reason;
    sendJson(res, 200, { ok: true, armed: { upload, failReason: reason } });
  });
  for (const spec of ROUTES) {
    router.add(spec.method, spec.path, (rc) => serve(ctx, spec, rc, spec.path, true));
    if (spec.session)
      router.add(spec.method, `/0${spec.path}`, (rc) => serve(ctx, spec, rc, `/0${spec.path}`, false));
  }
  return router;
}

async function serve(
  ctx: IncodeContext,
  spec: RouteSpec,
  { req, res, url }: RouteContext,
  path: string,
  requireApiKey: boolean,
): Promise<void> {
  const started = performance.now();
  const reply = await gate(ctx, spec, req, url, path, requireApiKey);
  res.setHeader('Processing-Time', String(Math.round(performance.now() - started)));
  sendJson(res, reply.status, reply.body);
}

async function gate(
  ctx: IncodeContext,
  spec: RouteSpec,
  req: IncomingMessage,
  url: URL,
  path: string,
  requireApiKey: boolean,
): Promise<Reply> {
  // Read the body first, whatever the verdict: answering before it is consumed upsets keep-alive clients.
  const parsed =
    spec.method === 'POST' ? parseJson(await readBody(req, MAX_BODY_BYTES)) : { ok: true, value: null };
  const now = ctx.clock.now();
  const fail = (e: IncodeError): Reply => ({ status: e.http, body: errorBody(e, now, path) });
  const refused = checkClientHeaders(req, ctx.auth, requireApiKey);
  if (refused) return fail(refused);
  const body = parsed.ok ? parsed.value : undefined;
  const call: Call = { req, url, path, now, body };
  if (!spec.session) {
    if (!parsed.ok) return fail(httpError(400, 'Request body is not valid JSON'));
    return spec.handle(ctx, call);
  }
  const auth = authenticateSession(req, ctx.sessions, (s) => isExpired(s, ctx.timing, now));
  if (!auth.ok) return fail(auth.error);
  if (auth.expired && !spec.allowExpired) return fail(httpError(401, 'Session expired'));
  if (!parsed.ok) return fail(httpError(400, 'Request body is not valid JSON'));
  return spec.handle(ctx, { ...call, session: auth.session });
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const refuse = (call: Call, e: IncodeError): Reply => ({
  status: e.http,
  body: errorBody(e, call.now, call.path),
});

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The registry entry for one accepted call; analytic = the path without `/0` or the leading slash. */
function record(ctx: IncodeContext, call: SessionCall): void {
  const session = call.session;
  session.recorded += 1;
  ctx.registry.record({
    id: `${session.interviewId}-${session.recorded}`,
    provider: 'incode',
    analytic: call.path.replace(/^\/0\//, '/').slice(1),
    client_ref: session.externalCustomerId,
    createdAt: new Date(call.now).toISOString(),
  });
}

const OPTIONAL_STRINGS = [
  'configurationId',
  'externalCustomerId',
  'externalId',
  'language',
  'redirectUrl',
  'interviewId',
] as const;

function start(ctx: IncodeContext, call: Call): Reply {
  const body = asObject(call.body);
  if (!body) return refuse(call, httpError(400, 'Request body must be a JSON object'));
  const { countryCode } = body;
  if (typeof countryCode !== 'string' || countryCode.trim() === '') {
    return refuse(call, httpError(400, 'countryCode is required'));
  }
  const fields: Partial<Record<(typeof OPTIONAL_STRINGS)[number], string>> = {};
  for (const key of OPTIONAL_STRINGS) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return refuse(call, httpError(400, `${key} must be a string`));
    fields[key] = value;
  }
  if (fields.interviewId !== undefined) {
    const existing = ctx.sessions.withInterviewId(fields.interviewId);
    if (!existing) return refuse(call, httpError(400, 'Unknown interviewId'));
    if (isExpired(existing, ctx.timing, call.now)) return refuse(call, httpError(400, 'Session expired'));
    return ok(startBody(existing, ctx.flow, ctx.clientId, ctx.env, true));
  }
  const session = ctx.sessions.create({
    countryCode,
    configurationId: fields.configurationId ?? null,
    // externalId is the deprecated spelling.
    externalCustomerId: fields.externalCustomerId ?? fields.externalId ?? null,
    language: fields.language ?? null,
    redirectUrl: fields.redirectUrl ?? null,
  });
  ctx.registry.record({
    id: session.interviewId,
    provider: 'incode',
    analytic: 'omni/start',
    client_ref: session.externalCustomerId,
    createdAt: new Date(call.now).toISOString(),
  });
  log.info('incode session started', { interviewId: session.interviewId });
  return ok(startBody(session, ctx.flow, ctx.clientId, ctx.env, false));
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** `base64Image`: plain base64 (no `data:` prefix). */
function readImage(body: unknown): { bytes: Buffer } | { error: IncodeError } {
  const value = asObject(body)?.base64Image;
  if (typeof value !== 'string' || value.trim() === '') {
    return { error: httpError(400, 'base64Image is required') };
  }
  const text = value.replace(/\s+/g, '');
  if (text.startsWith('data:')) {
    return { error: httpError(400, 'base64Image must be plain base64, without a data: URI prefix') };
  }
  if (!BASE64.test(text) || text.length % 4 === 1)
    return { error: httpError(400, 'base64Image is not valid base64') };
  return { bytes: Buffer.from(text, 'base64') };
}

function checkImageType(call: Call): IncodeError | null {
  const imageType = call.url.searchParams.get('imageType');
  return imageType === null || imageType === 'selfie'
    ? null
    : httpError(400, `Unsupported imageType: ${imageType}`);
}

async function addSide(ctx: IncodeContext, call: SessionCall, which: 'front' | 'back'): Promise<Reply> {
  const image = readImage(call.body);
  if ('error' in image) return refuse(call, image.error);
  record(ctx, call);
  try {
    const analysis = await analyseDocument(image.bytes, ctx.cardWidthFraction);
    const forced = which === 'front' ? ctx.armed.frontIdFailReason : null;
    if (forced !== null) {
      ctx.armed.frontIdFailReason = null;
      return ok({ ...sideBody(analysis, which), classification: false, failReason: forced });
    }
    call.session[which] = analysis;
    return ok(sideBody(analysis, which));
  } catch (error) {
    if (error instanceof UndecodableImageError) {
      return refuse(call, httpError(400, 'base64Image is not a decodable image'));
    }
    throw error;
  }
}

function processId(ctx: IncodeContext, call: SessionCall): Reply {
  record(ctx, call);
  if (!call.session.front) {
    return refuse(call, customError(6000, 'BadRequestException: The front side of the ID was not uploaded.'));
  }
  call.session.idProcessedAt = call.now;
  return ok({ success: true });
}

async function addFace(ctx: IncodeContext, call: SessionCall): Promise<Reply> {
  const wrongType = checkImageType(call);
  if (wrongType) return refuse(call, wrongType);
  const image = readImage(call.body);
  if ('error' in image) return refuse(call, image.error);
  record(ctx, call);
  if (ctx.forceSelfieErrorCode !== null) return refuse(call, customError(ctx.forceSelfieErrorCode));
  let analysis: SelfieAnalysis;
  try {
    analysis = await analyseSelfie(image.bytes, ctx.thresholds.liveness);
  } catch (error) {
    if (error instanceof UndecodableImageError) return refuse(call, customError(3010));
    throw error;
  }
  if (!analysis.verdict.ok) return refuse(call, customError(analysis.verdict.code));
  call.session.selfie = analysis;
  return ok(selfieBody(analysis.verdict, ctx.selfieFlags, ctx.selfieAge));
}

function processFace(ctx: IncodeContext, call: SessionCall): Reply {
  const wrongType = checkImageType(call);
  if (wrongType) return refuse(call, wrongType);
  record(ctx, call);
  const { session } = call;
  const selfie = session.selfie;
  if (!selfie?.verdict.ok || !selfie.descriptor) {
    return refuse(call, httpError(400, 'No selfie was accepted for this session'));
  }
  const photo = session.front?.photo ?? null;
  const similarity = photo ? similarityScore(photo, selfie.descriptor) : 0;
  const confidence = faceMatchConfidence(similarity, ctx.thresholds);
  session.faceMatch = {
    similarity,
    confidence,
    selfie: selfie.verdict.face,
    isBright: selfie.verdict.isBright,
  };
  session.faceProcessedAt = call.now;
  return ok({ confidence, existingUser: false });
}

/** `?interviewId=` / `?id=` may name the session, but only the token's own (no executive tokens here). */
function otherInterview(call: SessionCall, ...names: string[]): IncodeError | null {
  for (const name of names) {
    const asked = call.url.searchParams.get(name);
    if (asked && asked !== call.session.interviewId) {
      return httpError(401, 'The token does not grant access to this interview');
    }
  }
  return null;
}

function status(ctx: IncodeContext, call: SessionCall): Reply {
  const other = otherInterview(call, 'interviewId', 'id');
  if (other) return refuse(call, other);
  return ok({ onboardingStatus: onboardingStatus(call.session, ctx.timing, call.now) });
}

function currentScore(ctx: IncodeContext, session: IncodeSession, now: number) {
  const at = timeline(session, ctx.timing);
  const reached = (time: number | null) => time !== null && time <= now;
  return scoreBody({
    front: reached(at.idValidation) ? session.front : null,
    face: reached(at.faceValidation) ? session.faceMatch : null,
    flags: ctx.selfieFlags,
    thresholds: ctx.thresholds,
  });
}

function finishStatus(ctx: IncodeContext, call: SessionCall): Reply {
  const { session } = call;
  session.finishRequestedAt ??= call.now;
  const overall = currentScore(ctx, session, call.now).overall.status;
  return ok({
    redirectionUrl: session.redirectUrl ?? ctx.redirectionUrl,
    action: ctx.finishActions[overall],
  });
}

function score(ctx: IncodeContext, call: SessionCall): Reply {
  const other = otherInterview(call, 'id');
  if (other) return refuse(call, other);
  return ok(currentScore(ctx, call.session, call.now));
}

function ocrData(ctx: IncodeContext, call: SessionCall): Reply {
  const other = otherInterview(call, 'id');
  if (other) return refuse(call, other);
  const { session } = call;
  const idValidation = timeline(session, ctx.timing).idValidation;
  const read = idValidation !== null && idValidation <= call.now && session.front?.verdict.classification;
  return ok(read && session.front ? ocrBody(session.front.specimenSeed) : {});
}
