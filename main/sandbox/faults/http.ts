// How an injected fault looks on the wire. The "before" faults answer without routing (the request body is
// read and thrown away first, as a real gateway would, so keep-alive clients are not upset); the "after"
// faults let the stand-in handle the request with its answer muzzled, then send a 503 or close the socket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import { sendJson } from '../http/io';
import type { FaultInjector } from './injector';
import type { AfterFault, BeforeFault } from './policy';

/** Names the fault on every faulted answer, for whoever reads logs or traces; clients must not rely on it. */
export const FAULT_HEADER = 'x-loket-sandbox-fault';

/** What a malformed answer carries: the start of a plausible body, cut off mid-string. */
export const MALFORMED_BODY = '{"ok":true,"message":"Job successfully submitted!","job":{"id":"';

const unavailable = {
  code: 'service-unavailable',
  errors: [],
  message: 'Service temporarily unavailable (sandbox fault)',
  ok: false,
};

const rateLimited = {
  code: 'too-many-requests',
  errors: [],
  message: 'Too many requests (sandbox fault)',
  ok: false,
};

/** Reads the body to its end and throws it away; false when the client went away meanwhile. */
async function drain(req: IncomingMessage): Promise<boolean> {
  req.resume();
  try {
    await finished(req);
    return true;
  } catch {
    return false;
  }
}

export async function injectBefore(
  faults: FaultInjector,
  kind: BeforeFault,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  faults.count(kind);
  if (kind === 'timeout') {
    // Never answer. Nothing keeps a reference but the socket: it ends when the client gives up or the
    // sandbox closes (close() ends every connection). The body is consumed so the client is left waiting.
    req.resume();
    return;
  }
  if (!(await drain(req))) return;
  res.setHeader(FAULT_HEADER, kind);
  if (kind === 'error') return sendJson(res, 503, unavailable);
  if (kind === 'rateLimit') {
    res.setHeader('retry-after', String(faults.policy.retryAfterSeconds));
    return sendJson(res, 429, rateLimited);
  }
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(MALFORMED_BODY),
    'cache-control': 'no-store',
  });
  res.end(MALFORMED_BODY);
}

/**
 * Runs `handle` with the response muzzled (whatever it writes is thrown away), then loses the answer: a 503
 * in its place, or the socket closed without a word. If `handle` throws, the muzzle is lifted and the error
 * goes on to the server's usual 413/500 handling, with no fault counted.
 */
export async function handleThenLose(
  faults: FaultInjector,
  kind: AfterFault,
  res: ServerResponse,
  handle: () => Promise<void>,
): Promise<void> {
  const unmuzzle = muzzle(res);
  try {
    await handle();
  } finally {
    unmuzzle();
  }
  faults.count('afterHandling');
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  if (kind === 'drop') {
    res.socket?.destroy();
    return;
  }
  res.setHeader(FAULT_HEADER, 'after-handling');
  sendJson(res, 503, unavailable);
}

/** Turns the response's writing methods into no-ops on this one instance; returns the undo. */
function muzzle(res: ServerResponse): () => void {
  const target = res as unknown as Record<string, unknown>;
  const silenced = ['writeHead', 'write', 'end', 'flushHeaders'] as const;
  for (const name of silenced) {
    target[name] = (...args: unknown[]) => {
      const callback = args.find((a) => typeof a === 'function') as (() => void) | undefined;
      if (name === 'end' && callback) queueMicrotask(callback);
      return name === 'write' ? true : res;
    };
  }
  return () => {
    for (const name of silenced) Reflect.deleteProperty(target, name);
  };
}
