// A tiny real HTTP peer on 127.0.0.1 that stands where a provider would be: for each request, `decide`
// picks whether it answers with a refusal (503 unless told otherwise), never answers, forwards it to
// `target` (the sandbox, keeping the path after the peer's root), or forwards it and then answers the
// refusal anyway (the job was created, the answer was lost: the documented duplicate window).
// (test/support/fault-proxy.ts is the path-rule based variant used by the e2e steps.)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PeerAction = 'unavailable' | 'hang' | 'forward' | 'forward-then-unavailable';

export interface PeerOptions {
  /** Where forwarded requests go; required as soon as `decide` says 'forward'. */
  target?: string;
  /** The request headers passed on when forwarding (lower-case names); default content-type and accept. */
  forwardHeaders?: readonly string[];
  /** What 'unavailable' answers, in the provider's own error shape; default 503 `{"message":…}`. */
  refusal?: { status: number; body: string };
}

export interface Peer {
  url: string;
  /** Every request seen, as "METHOD /path" (no query). */
  seen: string[];
  close(): Promise<void>;
}

const DEFAULT_REFUSAL = { status: 503, body: '{"message":"Service Unavailable"}' };

export async function startPeer(
  decide: (method: string, path: string, index: number) => PeerAction,
  options: PeerOptions = {},
): Promise<Peer> {
  const { target, forwardHeaders = ['content-type', 'accept'], refusal = DEFAULT_REFUSAL } = options;
  const seen: string[] = [];
  const refuse = (res: ServerResponse) => {
    res.writeHead(refusal.status, { 'Content-Type': 'application/json' });
    res.end(refusal.body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    seen.push(`${method} ${path.split('?')[0]}`);
    const action = decide(method, path, seen.length - 1);
    if (action === 'hang') return; // ended by close() → closeAllConnections
    if (action === 'unavailable') return refuse(res);
    if (!target) throw new Error('forwarding needs a target');
    const headers: Record<string, string> = {};
    for (const name of forwardHeaders) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(target + path, {
      method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const text = await upstream.text();
    if (action === 'forward-then-unavailable') return refuse(res);
    res.writeHead(upstream.status, { 'Content-Type': 'application/json' });
    res.end(text);
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

/** startPeer with one provider's forwarded headers and refusal built in. */
export function peerFor(provider: Omit<PeerOptions, 'target'>) {
  return (
    decide: (method: string, path: string, index: number) => PeerAction,
    target?: string,
  ): Promise<Peer> => startPeer(decide, { ...provider, target });
}
