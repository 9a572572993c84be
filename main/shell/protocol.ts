// Serves the built renderer under app://loket so that the window has a real origin of its own: the CSP,
// the permission handler and the IPC sender check all key on it (file:// would be shared with the disk).
import { protocol } from 'electron';
import { readStaticFile } from '../host/static-files';
import { contentSecurityPolicy, securityHeaders } from '../window/csp';
import { APP_HOST, APP_SCHEME } from '../window/policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const headers = securityHeaders(contentSecurityPolicy());
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, ...headers },
    });
  });
}
