// A very small router: each provider registers (method, path pattern) → handler under its own prefix, so the
// one sandbox server can host /identifai, /incode and /faceverify side by side without a framework.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Named `:params` from the pattern, URI-decoded. */
  params: Record<string, string>;
  url: URL;
}

export type Handler = (ctx: RouteContext) => Promise<void> | void;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  /** `pattern` like `/v1/jobs/:id`; `prefix` is prepended (e.g. `/identifai`). */
  add(method: string, pattern: string, handler: Handler, prefix = ''): void {
    this.routes.push({ method: method.toUpperCase(), segments: split(prefix + pattern), handler });
  }

  /** Mounts another router's routes under a prefix. */
  mount(prefix: string, child: Router): void {
    for (const route of child.routes) {
      this.routes.push({ ...route, segments: [...split(prefix), ...route.segments] });
    }
  }

  /** The handler for a request, `'method'` when only the method is wrong, `undefined` when nothing matches. */
  match(
    method: string,
    pathname: string,
  ): { handler: Handler; params: Record<string, string> } | 'method' | undefined {
    const parts = split(pathname);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method.toUpperCase()) return { handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? 'method' : undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const part = parts[i] ?? '';
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (p !== part) {
      return undefined;
    }
  }
  return params;
}
