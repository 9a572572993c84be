// The fault switches over HTTP, never faulted themselves:
//   GET    /_sandbox/faults → { policy, requests, injected: { error, rateLimit, timeout, malformed, afterHandling } }
//   PUT    /_sandbox/faults   body: a policy (policy.ts); replaces the one in force, answers like GET; 400 if invalid
//   DELETE /_sandbox/faults → no faults any more (counters kept), answers like GET
import { parseJson, readBody, sendJson } from '../http/io';
import type { Router } from '../http/router';
import type { FaultInjector } from './injector';
import { parseFaultPolicy } from './policy';

export const FAULTS_PATH = '/_sandbox/faults';

export function addFaultRoutes(router: Router, faults: FaultInjector): void {
  router.add('GET', FAULTS_PATH, ({ res }) => sendJson(res, 200, faults.snapshot()));
  router.add('PUT', FAULTS_PATH, async ({ req, res }) => {
    const body = parseJson(await readBody(req, 64 * 1024));
    if (!body.ok) return sendJson(res, 400, { ok: false, message: 'body is not valid JSON', errors: [] });
    const parsed = parseFaultPolicy(body.value ?? {});
    if (!parsed.ok) {
      return sendJson(res, 400, { ok: false, message: 'invalid fault policy', errors: parsed.errors });
    }
    faults.set(parsed.policy);
    sendJson(res, 200, faults.snapshot());
  });
  router.add('DELETE', FAULTS_PATH, ({ res }) => {
    faults.clear();
    sendJson(res, 200, faults.snapshot());
  });
}
