// Shared pieces for the Incode integration tests: client options with fast retries and polling, the
// sandbox's job list, a fetch that can act after each answer (to simulate a crash), and a tiny HTTP peer of
// our own that answers 503, never answers, or forwards to the sandbox.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../../../main/lib/clock';
import type { Fetch } from '../../../../main/lib/http-error';
import type { IncodeClientOptions } from '../../../../main/providers/incode/client';
import { SANDBOX_INCODE } from '../../../../main/sandbox/credentials';

/** Real time plus an offset the test can push forward (session expiry) without waiting. */
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

/** Fast polling and retries, so a failure path takes well under a second. */
export function clientOptions(
  baseUrl: string,
  overrides: Partial<IncodeClientOptions> = {},
): IncodeClientOptions {
  return {
    baseUrl,
    apiKey: SANDBOX_INCODE.apiKey,
    timeoutMs: 15_000,
    retries: 2,
    retryDelay: { minDelayMs: 20, maxDelayMs: 80 },
    poll: { minDelayMs: 50, maxDelayMs: 200, deadlineMs: 30_000 },
    ...overrides,
  };
}

export interface SandboxJob {
  id: string;
  provider: string;
  analytic: string;
  client_ref: string | null;
}

/** The Incode calls the sandbox recorded, optionally for one record (externalCustomerId). */
export async function incodeJobs(sandboxUrl: string, recordId?: string): Promise<SandboxJob[]> {
  const response = await fetch(`${sandboxUrl}/_sandbox/jobs`);
  const { jobs } = (await response.json()) as { jobs: SandboxJob[] };
  return jobs.filter((j) => j.provider === 'incode' && (recordId === undefined || j.client_ref === recordId));
}

/** How many recorded jobs are calls to `path` (the sandbox's analytic: 'omni/start', 'omni/process/id'…). */
export function countJobs(jobs: readonly SandboxJob[], path: string): number {
  return jobs.filter((j) => j.analytic === path).length;
}

/** The real fetch, noting each path and optionally acting after each answer arrived. */
export function watchingFetch(after?: (path: string) => void): { fetch: Fetch; paths: string[] } {
  const paths: string[] = [];
  const watching: Fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    paths.push(path);
    const response = await fetch(input, init);
    after?.(path);
    return response;
  };
  return { fetch: watching, paths };
}

export type PeerAction = 'unavailable' | 'hang' | 'forward';

export interface Peer {
  url: string;
  /** Every request seen, as "METHOD /path" (no query). */
  seen: string[];
  close(): Promise<void>;
}

/** A real HTTP peer on 127.0.0.1; `decide` picks what happens to each request. */
export async function startPeer(
  decide: (method: string, path: string, index: number) => PeerAction,
  target?: string,
): Promise<Peer> {
  const seen: string[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    seen.push(`${method} ${path.split('?')[0]}`);
    const action = decide(method, path, seen.length - 1);
    if (action === 'hang') return; // ended by close() → closeAllConnections
    if (action === 'unavailable') {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end('{"status":503,"error":"Service Unavailable"}');
      return;
    }
    if (!target) throw new Error('forwarding needs a target');
    const headers: Record<string, string> = {};
    for (const name of ['x-api-key', 'api-version', 'x-incode-hardware-id', 'content-type', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(target + path, {
      method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.status, { 'Content-Type': 'application/json' });
    res.end(await upstream.text());
  };
  const server = createServer((req, res) => {
    void handle(req, res);
  });
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
