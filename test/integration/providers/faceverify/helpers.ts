// Shared pieces for the faceverify provider tests: fast client options against a base URL, a person who
// completes the hosted check once the kiosk shows it, and a tiny HTTP peer of our own that answers 5xx or
// never answers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaceverifyClientOptions } from '../../../../main/providers/faceverify/client';
import { SANDBOX_FACEVERIFY } from '../../../../main/sandbox/credentials';
import type { RecordingContext } from '../../../support/step-context';
import { submitFrame } from '../../sandbox/faceverify/helpers';

/** Fast polling and retries, so a failure path takes well under a second. */
export function clientOptions(
  baseUrl: string,
  overrides: Partial<FaceverifyClientOptions> = {},
): FaceverifyClientOptions {
  return {
    baseUrl,
    credentials: { ...SANDBOX_FACEVERIFY },
    timeoutMs: 5_000,
    retries: 2,
    retryDelay: { minDelayMs: 20, maxDelayMs: 80 },
    poll: { minDelayMs: 50, maxDelayMs: 200, deadlineMs: 30_000 },
    ...overrides,
  };
}

/** Waits until the provider has saved its session, then plays the person: sends `frame` from the hosted page. */
export async function personCompletes(rec: RecordingContext, frame: Buffer): Promise<void> {
  const url = await savedSessionUrl(rec);
  const reply = await submitFrame(url, frame);
  if (reply.status !== 200) throw new Error(`hosted result: ${reply.status} ${reply.text}`);
}

export async function savedSessionUrl(rec: RecordingContext, timeoutMs = 10_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const saved = rec.saved.session as { url?: string } | undefined;
    if (saved?.url && rec.actions.length > 0) return saved.url;
    if (Date.now() > until) throw new Error('the provider never showed a session');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface Peer {
  url: string;
  seen: string[];
  close(): Promise<void>;
}

/** A real HTTP peer on 127.0.0.1 that answers every request with `status`, or never answers ('hang'). */
export async function startPeer(behaviour: number | 'hang'): Promise<Peer> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method ?? 'GET'} ${req.url ?? '/'}`);
    req.resume();
    if (behaviour === 'hang') return;
    res.writeHead(behaviour, { 'Content-Type': 'application/json' });
    res.end('{"success":false,"message":"Internal Server Error"}');
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
