// The fetch wrapper against a real loopback server: JSON, error statuses, time-outs, refused connections.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../main/lib/http-error';
import { requestJson } from '../../../main/lib/http';
import { freePort } from '../../support/free-port';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/echo') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            method: req.method,
            auth: req.headers.authorization ?? null,
            type: req.headers['content-type'] ?? null,
            body: body ? (JSON.parse(body) as unknown) : null,
          }),
        );
      } else if (path === '/fail') {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end('{"ok":false,"message":"down"}');
      } else if (path === '/text') {
        res.writeHead(404);
        res.end('not here');
      } else if (path === '/empty') {
        res.writeHead(204);
        res.end();
      }
      // '/hang': never answers
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('requestJson', () => {
  it('sends JSON and parses the JSON answer', async () => {
    const res = await requestJson(fetch, {
      method: 'POST',
      url: `${base}/echo`,
      headers: { Authorization: 'abc' },
      body: { a: 1 },
      timeoutMs: 2_000,
    });
    expect(res).toEqual({
      status: 200,
      body: { method: 'POST', auth: 'abc', type: 'application/json', body: { a: 1 } },
    });
  });

  it('reads an empty body as null', async () => {
    expect(await requestJson(fetch, { method: 'GET', url: `${base}/empty`, timeoutMs: 2_000 })).toEqual({
      status: 204,
      body: null,
    });
  });

  it('throws a retryable HttpError for a 5xx, keeping the parsed body', async () => {
    const error = await requestJson(fetch, {
      method: 'GET',
      url: `${base}/fail?x=secret`,
      timeoutMs: 2_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 503,
      retryable: true,
      body: { ok: false, message: 'down' },
    });
    expect((error as Error).message).not.toContain('secret');
  });

  it('keeps a non-JSON error body as text and is not retryable for a 404', async () => {
    const error = await requestJson(fetch, { method: 'GET', url: `${base}/text`, timeoutMs: 2_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'http', status: 404, retryable: false, body: 'not here' });
  });

  it('a 501 Not Implemented is not worth another try; other 5xx and 429 are', () => {
    const at = (status: number) => new HttpError('http', 'GET', 'https://x.test/', status, null);
    expect([500, 501, 502, 503, 429, 404].map((status) => at(status).retryable)).toEqual([
      true,
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('turns a hung request into a time-out', async () => {
    const error = await requestJson(fetch, { method: 'GET', url: `${base}/hang`, timeoutMs: 100 }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('turns a refused connection into a network failure', async () => {
    const port = await freePort();
    const error = await requestJson(fetch, {
      method: 'GET',
      url: `http://127.0.0.1:${port}/`,
      timeoutMs: 2_000,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it("rejects with the caller's abort reason, not an HttpError", async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 20);
    await expect(
      requestJson(fetch, { method: 'GET', url: `${base}/hang`, timeoutMs: 5_000, signal: controller.signal }),
    ).rejects.toBe(reason);
  });
});
