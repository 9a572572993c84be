// The real fetch, watched: each request's path is noted, and `after` can act once each answer has arrived
// (cut the power after a step, age a token past its lifetime) — for integration tests over real HTTP.
import type { Fetch } from '../../main/lib/http-error';

export interface WatchingFetch {
  fetch: Fetch;
  /** Every request's path, in order. */
  paths: string[];
  /** How many requests went to a path ending with `suffix`. */
  count(suffix: string): number;
}

export function watchingFetch(after?: (path: string) => void): WatchingFetch {
  const paths: string[] = [];
  const watching: Fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    paths.push(path);
    const response = await fetch(input, init);
    after?.(path);
    return response;
  };
  return { fetch: watching, paths, count: (suffix) => paths.filter((p) => p.endsWith(suffix)).length };
}
