// The sandbox: one loopback HTTP server hosting the local stand-ins of the providers, each under its own
// prefix (/identifai today; /incode and /faceverify mount the same way), plus /_sandbox for tests.
// A fault policy (faults/) may stand between the client and the providers: it is drawn for every request but
// /_sandbox/*, before routing, and answers 503, 429, nothing or broken JSON instead of the provider.
// node:http only — the sandbox ships inside the kiosk for training mode, so it carries no framework.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../lib/clock';
import { createLogger } from '../lib/log';
import { describeError } from '../lib/redact';
import { BodyTooLargeError, sendJson } from './http/io';
import { type FaceverifySandboxOptions, createFaceverifySandbox } from './faceverify';
import { handleThenLose, injectBefore } from './faults/http';
import { FaultInjector } from './faults/injector';
import type { FaultPolicyInput } from './faults/policy';
import { addFaultRoutes } from './faults/routes';
import { Router } from './http/router';
import { type IdentifaiSandboxOptions, createIdentifaiSandbox } from './identifai';
import { type IncodeSandboxOptions, createIncodeSandbox } from './incode';
import { JobRegistry } from './registry';

export interface SandboxOptions {
  /** 0 (default) = an ephemeral port. */
  port?: number;
  /** Submission-token lifetime; the documents say 5 minutes. */
  submissionTokenTtlSeconds?: number;
  /** Added before every response, to rehearse a slow branch line. */
  latencyMs?: number;
  /** How long an async job stays "on going". */
  jobDurationMs?: number;
  clock?: Clock;
  identifai?: IdentifaiSandboxOptions;
  faceverify?: FaceverifySandboxOptions;
  incode?: IncodeSandboxOptions;
  /** The fault policy at start; GET/PUT/DELETE /_sandbox/faults read and change it at run time. */
  faults?: FaultPolicyInput;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT`; IdentifAI clients use `${url}/identifai` as their base URL. */
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_SUBMISSION_TOKEN_TTL_SECONDS = 300;
export const DEFAULT_JOB_DURATION_MS = 400;

const log = createLogger('sandbox');

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock;
  const latencyMs = options.latencyMs ?? 0;
  const registry = new JobRegistry();
  const faults = new FaultInjector(options.faults);
  const router = new Router();
  router.add('GET', '/_sandbox/health', ({ res }) => sendJson(res, 200, { ok: true }));
  router.add('GET', '/_sandbox/jobs', ({ res }) => sendJson(res, 200, { jobs: registry.list() }));
  addFaultRoutes(router, faults);
  router.mount(
    '/identifai',
    createIdentifaiSandbox(
      {
        clock,
        registry,
        submissionTokenTtlMs:
          (options.submissionTokenTtlSeconds ?? DEFAULT_SUBMISSION_TOKEN_TTL_SECONDS) * 1000,
        jobDurationMs: options.jobDurationMs ?? DEFAULT_JOB_DURATION_MS,
        faults: faults.stuckSwitch,
      },
      options.identifai,
    ),
  );
  router.mount('/faceverify', createFaceverifySandbox({ clock, registry }, options.faceverify));
  router.mount(
    '/incode',
    createIncodeSandbox({ clock, registry, faults: faults.stuckSwitch }, options.incode),
  );

  const server = createServer((req, res) => {
    void handle(router, faults, req, res, clock, latencyMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  log.info('sandbox listening', { url });
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Also ends the sockets held by time-out faults, so closing never hangs.
        server.closeAllConnections();
      }),
  };
}

async function handle(
  router: Router,
  faults: FaultInjector,
  req: IncomingMessage,
  res: ServerResponse,
  clock: Clock,
  latencyMs: number,
): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  // Drawn on arrival, so a seeded run's faults depend only on the order of the requests.
  const fault = faults.applies(url.pathname) ? faults.draw() : null;
  try {
    if (latencyMs > 0) await clock.sleep(latencyMs);
    if (fault?.before) return await injectBefore(faults, fault.before, req, res);
    const match = router.match(method, url.pathname);
    if (match === undefined) {
      sendJson(res, 404, { code: 'not-found', errors: [], message: 'Not found', ok: false });
    } else if (match === 'method') {
      sendJson(res, 405, {
        code: 'method-not-allowed',
        errors: [],
        message: 'Method not allowed',
        ok: false,
      });
    } else if (fault?.after) {
      await handleThenLose(faults, fault.after, res, async () => {
        await match.handler({ req, res, params: match.params, url });
      });
    } else {
      await match.handler({ req, res, params: match.params, url });
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      if (!res.headersSent) {
        res.setHeader('connection', 'close');
        sendJson(res, 413, {
          code: 'bad-request',
          errors: [],
          message: 'Request body is too large',
          ok: false,
        });
      }
    } else {
      log.error('request failed', { method, path: url.pathname, error: describeError(error) });
      if (!res.headersSent) {
        sendJson(res, 500, { code: 'internal', errors: [], message: 'Internal sandbox error', ok: false });
      }
    }
  } finally {
    log.debug('request', {
      method,
      path: url.pathname,
      status: res.statusCode,
      ...(fault?.before || fault?.after ? { fault: fault.before ?? `after-handling ${fault.after}` } : {}),
      ms: Math.round(performance.now() - started),
    });
  }
}
