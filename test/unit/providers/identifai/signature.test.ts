// The memoized signature provider, with a scripted transport in place of HTTP.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../../main/lib/http-error';
import type { HttpResponse } from '../../../../main/lib/http';
import { ProviderError } from '../../../../main/providers/provider';
import { createSignatureProvider } from '../../../../main/providers/identifai/signature';
import type { Send } from '../../../../main/providers/identifai/transport';
import { FakeClock } from '../../../support/clocks';

const credentials = { accessKey: 'UNITACCESSKEY01', secretKey: 'unit-secret-key' };
const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Answers each signature request with a new token stamped with the clock's time. */
function signer(clock: FakeClock) {
  const calls: unknown[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const send: Send = async (_method, path, options) => {
    calls.push({ path, body: options?.body });
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    const body = {
      ok: true,
      token: `tok${calls.length}`.padEnd(64, '0'),
      headers: { 'x-nodeflux-timestamp': stamp(clock.now()) },
    };
    return { status: 200, body } satisfies HttpResponse;
  };
  return {
    send,
    calls,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('createSignatureProvider', () => {
  it('posts the access key and secret key to the signatures endpoint', async () => {
    const clock = new FakeClock();
    const s = signer(clock);
    const provider = createSignatureProvider({ send: s.send, credentials, clock });
    const signature = await provider.get();
    expect(s.calls).toEqual([
      {
        path: '/public/auth/v1/signatures',
        body: { access_key: credentials.accessKey, secret_key: credentials.secretKey },
      },
    ]);
    expect(signature).toEqual({
      token: expect.stringMatching(/^tok1/) as unknown,
      timestamp: stamp(clock.now()),
    });
  });

  it('shares one request between concurrent callers and reuses the answer', async () => {
    const clock = new FakeClock();
    const s = signer(clock);
    const provider = createSignatureProvider({ send: s.send, credentials, clock });
    s.holdNext();
    const all = Promise.all([provider.get(), provider.get(), provider.get()]);
    await Promise.resolve();
    s.release();
    const [a, b, c] = await all;
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(await provider.get()).toBe(a);
    expect(s.calls).toHaveLength(1);
  });

  it('refreshes once the UTC day of the timestamp is (nearly) over', async () => {
    const clock = new FakeClock(Date.UTC(2024, 4, 1, 23, 0, 0));
    const s = signer(clock);
    const provider = createSignatureProvider({ send: s.send, credentials, clock, maxAgeMs: 24 * 3_600_000 });
    const first = await provider.get();
    clock.advance(50 * 60_000); // 23:50: still the same day, outside the 5-minute margin
    expect(await provider.get()).toBe(first);
    clock.advance(6 * 60_000); // 23:56: inside the margin
    const second = await provider.get();
    expect(second).not.toBe(first);
    expect(s.calls).toHaveLength(2);
  });

  it('refreshes after the configured maximum age', async () => {
    const clock = new FakeClock(Date.UTC(2024, 4, 1, 8, 0, 0));
    const s = signer(clock);
    const provider = createSignatureProvider({ send: s.send, credentials, clock, maxAgeMs: 10 * 60_000 });
    const first = await provider.get();
    clock.advance(9 * 60_000);
    expect(await provider.get()).toBe(first);
    clock.advance(2 * 60_000);
    expect(await provider.get()).not.toBe(first);
  });

  it('a signature issued just before midnight is used until midnight, not refetched on every call', async () => {
    const clock = new FakeClock(Date.UTC(2024, 4, 1, 23, 58, 0));
    const s = signer(clock);
    const provider = createSignatureProvider({ send: s.send, credentials, clock });
    const first = await provider.get();
    expect(await provider.get()).toBe(first);
    clock.advance(2 * 60_000);
    expect(await provider.get()).not.toBe(first);
    expect(s.calls).toHaveLength(2);
  });

  it('refresh(stale) forces one new signature; a second caller with the same stale one shares it', async () => {
    const clock = new FakeClock();
    const s = signer(clock);
    const provider = createSignatureProvider({ send: s.send, credentials, clock });
    const stale = await provider.get();
    const [a, b] = await Promise.all([provider.refresh(stale), provider.refresh(stale)]);
    expect(a).not.toBe(stale);
    expect(b).toBe(a);
    expect(await provider.refresh(stale)).toBe(a); // already replaced: no new request
    expect(s.calls).toHaveLength(2);
  });

  it('turns a 401 into provider_auth and a 5xx into provider_unavailable, and tries again next time', async () => {
    const clock = new FakeClock();
    let status = 401;
    const send: Send = async (method, path) => {
      throw new HttpError('http', method, path, status, { ok: false, message: 'invalid credentials' });
    };
    const provider = createSignatureProvider({ send, credentials, clock });
    await expect(provider.get()).rejects.toMatchObject({ name: 'ProviderError', code: 'provider_auth' });
    status = 503;
    const error = await provider.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_unavailable' });
    expect((error as Error).message).not.toContain(credentials.secretKey);
  });

  it('refuses an answer without a token or with a malformed timestamp', async () => {
    const clock = new FakeClock();
    const bodies: unknown[] = [
      { ok: true },
      { ok: true, token: 'x'.repeat(64), headers: { 'x-nodeflux-timestamp': 'yesterday' } },
    ];
    const send: Send = async () => ({ status: 200, body: bodies.shift() });
    const provider = createSignatureProvider({ send, credentials, clock });
    await expect(provider.get()).rejects.toMatchObject({ code: 'provider_unavailable' });
    await expect(provider.get()).rejects.toMatchObject({ code: 'provider_unavailable' });
  });

  it('lets one caller give up without cancelling the shared request', async () => {
    const clock = new FakeClock();
    const s = signer(clock);
    const provider = createSignatureProvider({ send: s.send, credentials, clock });
    s.holdNext();
    const controller = new AbortController();
    const impatient = provider.get(controller.signal);
    const patient = provider.get();
    controller.abort(new Error('left'));
    await expect(impatient).rejects.toThrow('left');
    s.release();
    await expect(patient).resolves.toMatchObject({ token: expect.stringMatching(/^tok1/) as unknown });
  });
});
