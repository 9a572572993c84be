// Shared pieces for the IdentifAI integration tests: a sandbox clock that can be moved forward, a tiny HTTP
// peer of our own (answers 503, hangs, or forwards to the sandbox and loses the answer), and a StepContext.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ImageKind } from '../../../../common/record';
import { systemClock, type Clock } from '../../../../main/lib/clock';
import { recordingContext, type RecordingContext } from '../../../support/step-context';
import type { IdentifaiClientOptions } from '../../../../main/providers/identifai/client';
import { SANDBOX_IDENTIFAI } from '../../../../main/sandbox/credentials';

/** Real time plus an offset the test can push forward (token expiry, job completion) without waiting. */
export class ShiftClock implements Clock {
  offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms, signal);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

/** Fast polling and retries, so a test of a failure path takes well under a second. */
export function clientOptions(
  baseUrl: string,
  overrides: Partial<IdentifaiClientOptions> = {},
): IdentifaiClientOptions {
  return {
    baseUrl,
    credentials: { ...SANDBOX_IDENTIFAI },
    timeoutMs: 15_000,
    retries: 2,
    retryDelay: { minDelayMs: 20, maxDelayMs: 80 },
    poll: { minDelayMs: 50, maxDelayMs: 200, deadlineMs: 30_000 },
    ...overrides,
  };
}

export type TestContext = RecordingContext;

export function stepContext(
  images: Record<ImageKind, Buffer>,
  options: { recordId?: string; saved?: Record<string, unknown>; signal?: AbortSignal } = {},
): TestContext {
  return recordingContext(images, options);
}

export interface SandboxJob {
  id: string;
  analytic: string;
  client_ref: string | null;
}

export async function sandboxJobs(sandboxUrl: string): Promise<SandboxJob[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/jobs`);
  return ((await response.json()) as { jobs: SandboxJob[] }).jobs;
}

export type PeerAction = 'unavailable' | 'hang' | 'forward' | 'forward-then-unavailable';

export interface Peer {
  url: string;
  /** Every request seen, as "METHOD /path". */
  seen: string[];
  close(): Promise<void>;
}

/**
 * A real HTTP peer on 127.0.0.1. `decide` picks what happens to each request: answer 503, never answer,
 * forward it to `target` (the sandbox, keeping the path after the peer's root), or forward it and then
 * answer 503 anyway (the job was created, the answer was lost: the documented duplicate window).
 */
export async function startPeer(
  decide: (method: string, path: string, index: number) => PeerAction,
  target?: string,
): Promise<Peer> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    seen.push(`${method} ${path.split('?')[0]}`);
    const action = decide(method, path, seen.length - 1);
    if (action === 'hang') return; // closed by close() → closeAllConnections
    if (action === 'unavailable') return unavailable(res);
    if (!target) throw new Error('forwarding needs a target');
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'x-nodeflux-timestamp', 'content-type', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const upstream = await fetch(target + path, { method, headers, body });
    const text = await upstream.text();
    if (action === 'forward-then-unavailable') return unavailable(res);
    res.writeHead(upstream.status, { 'Content-Type': 'application/json' });
    res.end(text);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { 'Content-Type': 'application/json' });
  res.end('{"ok":false,"message":"Service Unavailable"}');
}
