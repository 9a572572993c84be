// The IdentifAI endpoints (PROTOCOLS 1.2–1.7), mounted by the server under /identifai. Order of checks in
// every handler: route (an analytic api.identifai.id does not list → 404, one it lists that the sandbox does
// not simulate → 501; see catalogue.ts), then authentication (401), then the body (400), and only
// then is a submission token consumed — a rejected body does not burn the customer's one-time token.
import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../lib/clock';
import { createLogger } from '../../lib/log';
import { header, parseJson, readBody, sendJson } from '../http/io';
import { type RouteContext, Router } from '../http/router';
import type { JobRegistry } from '../registry';
import { type AnalyticOutcome, type HiddenFace, HIDDEN_FACES, runAnalytic } from './analytics';
import { type AnalyticSpec, LISTED_SLUGS } from './catalogue';
import { type Credential, type HmacPolicy, verifyHmac } from './hmac-auth';
import { newJobId } from './ids';
import type { IdentifaiJobStore } from './jobs';
import type { Messages } from './messages';
import { errorBody, jobBody, submittedBody, syncBody } from './responses';
import { SIGNING_ALGORITHM, TIMESTAMP_HEADER, computeToken, formatTimestamp } from './signature';
import type { SubmissionTokenStore, TokenRefusal } from './tokens';
import { validateAnalyticRequest } from './validation';

/** Two 2 MB images as base64 plus JSON: anything larger is refused before parsing. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface IdentifaiContext {
  clock: Clock;
  credentials: readonly Credential[];
  hmac: HmacPolicy;
  tokens: SubmissionTokenStore;
  jobs: IdentifaiJobStore;
  registry: JobRegistry;
  messages: Messages;
  catalogue: Readonly<Record<string, AnalyticSpec>>;
  /**
   * Test switch armed over HTTP (`POST /identifai/_sandbox/hide-face-next`): the next face-match-liveness job
   * finds no face on that image (the KTP or the selfie) whatever it shows, and answers "No face detected",
   * which does not say which image, as IdentifAI's does not. Lets a test play a provider whose detector
   * misses a face Loket's own check found.
   */
  armed: { hideFaceOn: HiddenFace | null };
}

type Auth = { kind: 'hmac' } | { kind: 'token'; token: string };
type AuthResult = { ok: true; auth: Auth } | { ok: false; message: string };

const log = createLogger('sandbox');

export function identifaiRoutes(ctx: IdentifaiContext): Router {
  const router = new Router();
  const signatures = (rc: RouteContext) => createSignature(ctx, rc);
  const submissionTokens = (rc: RouteContext) => createSubmissionToken(ctx, rc);
  router.add('POST', '/public/auth/v1/signatures', signatures);
  router.add('POST', '/auth/v1/submission_tokens', submissionTokens);
  // Pre-2023 paths (legacy host), still used by older public clients.
  router.add('POST', '/auth/signatures', signatures);
  router.add('POST', '/auth/v2/submission_tokens', submissionTokens);
  router.add('POST', '/v1/analytics/:slug', (rc) => submit(ctx, rc, 'async'));
  router.add('POST', '/syncv2/analytics/:slug', (rc) => submit(ctx, rc, 'sync'));
  router.add('GET', '/v1/jobs/:id', (rc) => getJob(ctx, rc));
  router.add('POST', '/_sandbox/hide-face-next', (rc) => armHiddenFace(ctx, rc));
  return router;
}

async function armHiddenFace(ctx: IdentifaiContext, { req, res }: RouteContext): Promise<void> {
  const parsed = parseJson(await readBody(req, 4096));
  const body = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : {};
  const image = 'image' in body ? body.image : undefined;
  const hidden = HIDDEN_FACES.find((h) => h === image);
  if (!hidden)
    return sendJson(res, 400, { ok: false, message: `image must be one of ${HIDDEN_FACES.join(', ')}` });
  ctx.armed.hideFaceOn = hidden;
  sendJson(res, 200, { ok: true, armed: { image: hidden } });
}

const unauthenticated = (message: string) => errorBody('not-authenticate', message);
const badRequest = (message: string, errors: string[] = []) => errorBody('bad-request', message, errors);

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  return parseJson(await readBody(req, MAX_BODY_BYTES));
}

async function createSignature(ctx: IdentifaiContext, { req, res }: RouteContext): Promise<void> {
  const body = await readJson(req);
  if (!body.ok) return sendJson(res, 400, badRequest('Request body is not valid JSON'));
  const value = (body.value ?? {}) as Record<string, unknown>;
  const credential = ctx.credentials.find(
    (c) => c.accessKey === value.access_key && c.secretKey === value.secret_key,
  );
  if (!credential) return sendJson(res, 401, unauthenticated(ctx.messages.badCredentials));
  const timestamp = formatTimestamp(ctx.clock.now());
  sendJson(res, 200, {
    headers: { [TIMESTAMP_HEADER]: timestamp },
    ok: true,
    token: computeToken(credential.secretKey, timestamp),
  });
}

function checkHmac(ctx: IdentifaiContext, req: IncomingMessage): AuthResult {
  const authorization = header(req, 'authorization');
  if (!authorization) return { ok: false, message: ctx.messages.authorizationMissing };
  const result = verifyHmac(authorization, header(req, TIMESTAMP_HEADER), ctx.hmac);
  if (!result.ok) {
    log.info('hmac refused', { reason: result.reason });
    return { ok: false, message: ctx.messages.authorizationInvalid };
  }
  return { ok: true, auth: { kind: 'hmac' } };
}

function refusalMessage(ctx: IdentifaiContext, refusal: TokenRefusal): string {
  switch (refusal) {
    case 'expired':
      return ctx.messages.tokenExpired;
    case 'used':
      return ctx.messages.tokenUsed;
    case 'wrong-job':
      return ctx.messages.tokenWrongJob;
    case 'unknown':
      return ctx.messages.tokenUnknown;
  }
}

/** Either the HMAC header pair or a raw submission token (checked for submitting, not yet consumed). */
function authenticateSubmit(ctx: IdentifaiContext, req: IncomingMessage): AuthResult {
  const authorization = header(req, 'authorization')?.trim();
  if (!authorization) return { ok: false, message: ctx.messages.authorizationMissing };
  if (authorization.startsWith(SIGNING_ALGORITHM)) return checkHmac(ctx, req);
  const refusal = ctx.tokens.checkSubmit(authorization);
  if (refusal) return { ok: false, message: refusalMessage(ctx, refusal) };
  return { ok: true, auth: { kind: 'token', token: authorization } };
}

async function createSubmissionToken(ctx: IdentifaiContext, { req, res }: RouteContext): Promise<void> {
  await readBody(req, MAX_BODY_BYTES); // "Request Body: null" — read and ignore whatever came.
  const auth = checkHmac(ctx, req);
  if (!auth.ok) return sendJson(res, 401, unauthenticated(auth.message));
  sendJson(res, 200, { ok: true, submission_token: ctx.tokens.issue() });
}

async function submit(ctx: IdentifaiContext, rc: RouteContext, mode: 'async' | 'sync'): Promise<void> {
  const { req, res, params } = rc;
  const slug = params.slug ?? '';
  const spec = ctx.catalogue[slug];
  if (!spec) {
    await readBody(req, MAX_BODY_BYTES);
    if (LISTED_SLUGS.has(slug)) {
      return sendJson(
        res,
        501,
        errorBody('not-implemented', `Analytic ${slug} is not simulated by the sandbox`),
      );
    }
    return sendJson(res, 404, errorBody('not-found', `Analytic ${slug} is not available`));
  }
  const auth = authenticateSubmit(ctx, req);
  if (!auth.ok) return sendJson(res, 401, unauthenticated(auth.message));
  const body = await readJson(req);
  if (!body.ok) return sendJson(res, 400, badRequest('Request body is not valid JSON'));
  const valid = await validateAnalyticRequest(body.value, slug, spec);
  if (!valid.ok) return sendJson(res, 400, badRequest('Invalid request body', valid.errors));

  const now = ctx.clock.now();
  const id = newJobId(now);
  if (auth.auth.kind === 'token') {
    const refusal = ctx.tokens.consume(auth.auth.token, id);
    if (refusal) return sendJson(res, 401, unauthenticated(refusalMessage(ctx, refusal)));
  }
  const { images, similarityThreshold, livenessThreshold, clientRef } = valid.value;
  const hideFaceOn = spec.type === 'FACE_MATCH_LIVENESS' ? ctx.armed.hideFaceOn : null;
  if (hideFaceOn) ctx.armed.hideFaceOn = null;
  const job = ctx.jobs.create({ id, slug, type: spec.type, clientRef }, () =>
    runAnalytic(
      { type: spec.type, images, similarityThreshold, livenessThreshold, hideFaceOn },
      ctx.messages,
    ),
  );
  ctx.registry.record({
    id,
    provider: 'identifai',
    analytic: slug,
    client_ref: clientRef,
    createdAt: new Date(now).toISOString(),
  });
  log.info('job created', { id, slug, mode, auth: auth.auth.kind });
  if (mode === 'async') return sendJson(res, 200, submittedBody(job, ctx.messages.jobSubmitted));
  const outcome: AnalyticOutcome = await job.finished;
  sendJson(res, 200, syncBody(job, outcome));
}

async function getJob(ctx: IdentifaiContext, { req, res, params }: RouteContext): Promise<void> {
  const id = params.id ?? '';
  const authorization = header(req, 'authorization')?.trim();
  if (!authorization) return sendJson(res, 401, unauthenticated(ctx.messages.authorizationMissing));
  const hmac = authorization.startsWith(SIGNING_ALGORITHM);
  if (hmac) {
    const auth = checkHmac(ctx, req);
    if (!auth.ok) return sendJson(res, 401, unauthenticated(auth.message));
  } else {
    // Unknown or expired tokens are refused before the job is looked up; ownership after.
    const refusal = ctx.tokens.checkRead(authorization, id);
    if (refusal === 'unknown' || refusal === 'expired') {
      return sendJson(res, 401, unauthenticated(refusalMessage(ctx, refusal)));
    }
    if (refusal && ctx.jobs.get(id)) return sendJson(res, 401, unauthenticated(refusalMessage(ctx, refusal)));
  }
  const job = ctx.jobs.get(id);
  if (!job) return sendJson(res, 404, errorBody('not-found', 'Job not found'));
  sendJson(res, 200, jobBody(job, ctx.jobs.view(job), ctx.messages.jobSubmitted));
}
