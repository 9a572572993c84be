import { describe, expect, it } from 'vitest';
import { Router } from '../../../main/sandbox/http/router';

describe('sandbox router', () => {
  const noop = () => undefined;

  it('matches prefixed patterns with decoded params', () => {
    const child = new Router();
    child.add('GET', '/v1/jobs/:id', noop);
    const root = new Router();
    root.mount('/identifai', child);
    const match = root.match('GET', '/identifai/v1/jobs/a%20b');
    expect(match).not.toBe('method');
    expect(match && match !== 'method' ? match.params : undefined).toEqual({ id: 'a b' });
  });

  it('tells a wrong method from an unknown path', () => {
    const router = new Router();
    router.add('POST', '/v1/analytics/:slug', noop);
    expect(router.match('GET', '/v1/analytics/ocr-ktp')).toBe('method');
    expect(router.match('POST', '/v1/analytics')).toBeUndefined();
    expect(router.match('POST', '/v1/analytics/ocr-ktp/extra')).toBeUndefined();
  });
});
