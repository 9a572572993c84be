// A real HTTP hop between a provider client and its sandbox that can misbehave on purpose: answer 5xx,
// hang past the client's time-out, or pass through. Tests use it for the failure paths of every provider
// (the client talks HTTP to it exactly as to the provider; nothing of ours is replaced).
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = { kind: 'status'; status: number; times?: number } | { kind: 'hang'; times?: number };

export interface FaultProxy {
  url: string;
  /** Applies `fault` to requests whose path matches; later rules win. */
  fail(path: RegExp, fault: Fault): void;
  clear(): void;
  /** Requests seen, by path, passed through or not. */
  readonly seen: string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: Array<{ path: RegExp; fault: Fault; used: number }> = [];
  const seen: string[] = [];
  const hanging = new Set<ServerResponse>();

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const proxied = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    proxied.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(proxied);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    seen.push(`${req.method} ${path}`);
    const rule = [...rules].reverse().find((r) => r.path.test(path) && (r.fault.times ?? Infinity) > r.used);
    if (!rule) return forward(req, res);
    rule.used += 1;
    req.resume();
    if (rule.fault.kind === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    res.writeHead(rule.fault.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'injected fault' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    fail: (path, fault) => void rules.push({ path, fault, used: 0 }),
    clear: () => void rules.splice(0),
    seen,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
