// The browser host: the built renderer and the bridge on 127.0.0.1, so the kiosk runs in any browser (and
// in Chromium for the end-to-end tests) over the same contract and the same handlers as the Electron IPC.
//   POST /bridge/<channel>              header x-loket-key: <per-run key>, JSON request → JSON envelope
//   GET  /bridge/events?k=<key>         WebSocket, messages {"event": "<name>", "payload": {...}}
//   POST /console/export                header x-loket-key: <per-run key>, the console's export as a download
//   GET  /…                             the renderer's static files
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { events } from '../../common/contract';
import { fail } from '../../common/errors';
import { dispatch, type Handlers } from '../bridge/dispatch';
import type { EventBus } from '../bridge/events';
import type { ExportDownloads } from '../console/download';
import { createLogger } from '../lib/log';
import { contentSecurityPolicy, securityHeaders } from '../window/csp';
import { EXPORT_PATH, handleExport } from './export-route';
import { isAllowedHostHeader, isAllowedOrigin } from './guard';
import { keyMatches, newHostKey } from './secret';
import { readStaticFile } from './static-files';

/** The largest request body: an 8 MiB base64 image plus its JSON envelope. */
const MAX_BODY_BYTES = 9 * 1024 * 1024;
const log = createLogger('host');

export interface HostOptions {
  port: number;
  rendererDir: string;
  handlers: Handlers;
  events: EventBus;
  /** The console's export downloads (POST /console/export); without it the route does not exist. */
  exportDownloads?: ExportDownloads;
  key?: string;
}

export interface RunningHost {
  port: number;
  /** The URL to open: the key travels in the fragment, which the browser never sends to a server. */
  url: string;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const key = options.key ?? newHostKey();
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  let port = options.port;

  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const handleBridge = async (req: IncomingMessage, res: ServerResponse, channel: string) => {
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid_request', 'Use POST.'));
    if (!keyMatches(key, headerValue(req, 'x-loket-key'))) {
      return sendJson(res, 403, fail('forbidden', 'This page is not the kiosk the host opened.'));
    }
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, fail('invalid_request', 'The request is too large.'));
    let request: unknown;
    try {
      request = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, fail('invalid_request', 'The request is not JSON.'));
    }
    sendJson(res, 200, await dispatch(options.handlers, channel, request));
  };

  server.on('request', (req, res) => {
    const identity = { port };
    if (!isAllowedHostHeader(identity, req.headers.host) || !isAllowedOrigin(identity, req.headers.origin)) {
      return sendJson(res, 403, fail('forbidden', 'Requests must come from the kiosk page on 127.0.0.1.'));
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const downloads = options.exportDownloads;
    const route = path.startsWith('/bridge/')
      ? handleBridge(req, res, path.slice('/bridge/'.length))
      : path === EXPORT_PATH && downloads
        ? handleExport(req, res, downloads, {
            sendJson,
            readBody,
            keyed: (request) => keyMatches(key, headerValue(request, 'x-loket-key')),
          })
        : serveStatic(res, path);
    route.catch((error: unknown) => {
      log.error('host request failed', { path, error: String(error) });
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The host failed to answer.'));
      else res.end();
    });
  });

  const serveStatic = async (res: ServerResponse, path: string) => {
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Cache-Control': 'no-cache',
      ...securityHeaders(contentSecurityPolicy({ extraConnectSrc: [`ws://127.0.0.1:${port}`] })),
    });
    res.end(file.body);
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const identity = { port };
    const allowed =
      url.pathname === '/bridge/events' &&
      isAllowedHostHeader(identity, req.headers.host) &&
      isAllowedOrigin(identity, req.headers.origin) &&
      keyMatches(key, url.searchParams.get('k'));
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws));
  });

  const clients = new Set<WebSocket>();
  sockets.on('connection', (ws) => {
    clients.add(ws);
    // A (re)connected page gets the current sync status at once rather than waiting for the next change.
    void options.handlers.getSyncStatus({}).then((payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event: events.onSyncStatus.event, payload }));
    });
    ws.on('close', () => clients.delete(ws));
    ws.on('error', () => clients.delete(ws));
  });
  const unsubscribe = options.events.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/#k=${key}`,
    close: async () => {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the body up to the limit; null when it is larger (the rest is drained, not buffered). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
