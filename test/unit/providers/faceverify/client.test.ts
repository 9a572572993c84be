// The client's own decisions, over a scripted fetch: what is signed and sent, and how answers are classified.
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../../../main/lib/http-error';
import { createFaceverifyClient, type StatusRead } from '../../../../main/providers/faceverify/client';
import { FaceverifyRejection } from '../../../../main/providers/faceverify/errors';
import { signRequest } from '../../../../main/providers/faceverify/signature';
import { ProviderError } from '../../../../main/providers/provider';
import { FakeClock } from '../../../support/clocks';
import { scriptedFetch } from '../../../support/scripted-fetch';

const CREDENTIALS = { clientId: 'client-abc', secretKey: 'secret-xyz-123' };
const CREATED = {
  status: 200,
  body: {
    success: true,
    data: {
      sessionId: 'sess-1',
      baseUrl: 'https://fv.test',
      Token: 'tok-abcdef',
      url: 'https://fv.test/new/tok-abcdef',
    },
  },
};
const status = (word: string, result?: unknown) => ({
  status: 200,
  body: { success: true, data: { sessionId: 'sess-1', status: word, ...(result ? { result } : {}) } },
});

function client(fetchFn: Fetch, clock = new FakeClock()) {
  return createFaceverifyClient({
    baseUrl: 'https://fv.test/',
    credentials: CREDENTIALS,
    fetch: fetchFn,
    clock,
    random: () => 0,
    retries: 2,
    retryDelay: { minDelayMs: 10, maxDelayMs: 20 },
    poll: { firstDelayMs: 1_000, growth: 2, maxDelayMs: 2_000, deadlineMs: 10_000 },
  });
}

describe('createSession', () => {
  it('POSTs the seed body, and signs exactly the string it sends', async () => {
    const { fetch, seen } = scriptedFetch(() => CREATED);
    const session = await client(fetch).createSession({ uniqueIdentifier: 'REC000001', country: 'ID' });
    expect(session).toEqual({
      sessionId: 'sess-1',
      url: 'https://fv.test/new/tok-abcdef',
      token: 'tok-abcdef',
      baseUrl: 'https://fv.test',
    });
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://fv.test/api/v1/session');
    expect(request?.raw).toBe('{"country":"ID","uniqueIdentifier":"REC000001"}');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-auth-client']).toBe('client-abc');
    expect(request?.headers['x-hmac-signature']).toBe(
      signRequest({
        method: 'POST',
        url: 'https://fv.test/api/v1/session',
        contentType: 'application/json',
        body: request?.raw ?? '',
        ...CREDENTIALS,
      }),
    );
  });

  it('sends returnUrl only when asked to', async () => {
    const { fetch, seen } = scriptedFetch(() => CREATED);
    await client(fetch).createSession({
      uniqueIdentifier: 'R1',
      country: 'ID',
      returnUrl: 'https://kiosk.test/back',
    });
    expect(seen[0]?.raw).toBe(
      '{"country":"ID","uniqueIdentifier":"R1","returnUrl":"https://kiosk.test/back"}',
    );
  });

  it.each([
    ['MISSING_CLIENT', { success: false, code: 'MISSING_CLIENT', message: 'x-auth-client is required' }],
    ['UNKNOWN_CLIENT', { success: false, code: 'UNKNOWN_CLIENT', message: 'Unknown client' }],
    ['MISSING_SIGNATURE', { success: false, code: 'MISSING_SIGNATURE', message: 'header required' }],
    ['INVALID_SIGNATURE', { success: false, code: 'INVALID_SIGNATURE', message: 'Invalid HMAC signature' }],
    ['a message only', { success: false, message: 'Invalid signature' }],
  ])('a 400 for credentials (%s) is provider_auth', async (_name, body) => {
    const { fetch, seen } = scriptedFetch(() => ({ status: 400, body }));
    const error = await client(fetch)
      .createSession({ uniqueIdentifier: 'R1', country: 'ID' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe('provider_auth');
    expect(seen).toHaveLength(1);
  });

  it('any other 400 is a permanent refusal', async () => {
    const { fetch } = scriptedFetch(() => ({
      status: 400,
      body: { success: false, message: 'country is not supported' },
    }));
    const error = await client(fetch)
      .createSession({ uniqueIdentifier: 'R1', country: 'XX' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceverifyRejection);
    expect((error as Error).message).toContain('country is not supported');
  });

  it('401 and 403 are provider_auth', async () => {
    for (const code of [401, 403]) {
      const { fetch } = scriptedFetch(() => ({ status: code, body: { success: false } }));
      await expect(
        client(fetch).createSession({ uniqueIdentifier: 'R1', country: 'ID' }),
      ).rejects.toMatchObject({ code: 'provider_auth' });
    }
  });

  it('a 200 with success:false is read as the refusal it is', async () => {
    const { fetch } = scriptedFetch(() => ({
      status: 200,
      body: { success: false, code: 'INVALID_SIGNATURE' },
    }));
    await expect(
      client(fetch).createSession({ uniqueIdentifier: 'R1', country: 'ID' }),
    ).rejects.toMatchObject({
      code: 'provider_auth',
    });
  });

  it('retries 5xx and network failures a bounded number of times, then provider_unavailable', async () => {
    const { fetch, seen } = scriptedFetch((_r, i) => (i === 0 ? 'network-error' : { status: 503 }));
    await expect(
      client(fetch).createSession({ uniqueIdentifier: 'R1', country: 'ID' }),
    ).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_unavailable',
    });
    expect(seen).toHaveLength(3);
  });

  it('a retried POST is the same bytes with the same signature', async () => {
    const { fetch, seen } = scriptedFetch((_r, i) => (i === 0 ? { status: 502 } : CREATED));
    await client(fetch).createSession({ uniqueIdentifier: 'R1', country: 'ID' });
    expect(seen).toHaveLength(2);
    expect(seen[1]?.raw).toBe(seen[0]?.raw);
    expect(seen[1]?.headers['x-hmac-signature']).toBe(seen[0]?.headers['x-hmac-signature']);
  });

  it('a 200 without a usable session is provider_unavailable', async () => {
    const { fetch } = scriptedFetch(() => ({
      status: 200,
      body: { success: true, data: { sessionId: 'x' } },
    }));
    await expect(
      client(fetch).createSession({ uniqueIdentifier: 'R1', country: 'ID' }),
    ).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
  });
});

describe('readStatus / waitForSession', () => {
  const stateOf = (read: StatusRead) => (read.kind === 'state' ? read.state.status : read.kind);

  it('GETs the status path signed with an empty body and no body sent', async () => {
    const { fetch, seen } = scriptedFetch(() => status('pending'));
    expect(stateOf(await client(fetch).readStatus('sess/1'))).toBe('pending');
    const [request] = seen;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('https://fv.test/api/v1/session/sess%2F1');
    expect(request?.raw).toBeUndefined();
    expect(request?.headers['x-hmac-signature']).toBe(
      signRequest({
        method: 'GET',
        url: 'https://fv.test/api/v1/session/sess%2F1',
        contentType: 'application/json',
        body: '',
        ...CREDENTIALS,
      }),
    );
  });

  it('uses a configured status path', async () => {
    const { fetch, seen } = scriptedFetch(() => status('pending'));
    await createFaceverifyClient({
      baseUrl: 'https://fv.test',
      credentials: CREDENTIALS,
      fetch,
      statusPath: '/api/v2/sessions/{sessionId}/result',
    }).readStatus('s9');
    expect(seen[0]?.url).toBe('https://fv.test/api/v2/sessions/s9/result');
  });

  it('statusPath null: nothing is requested, every read says there is no endpoint', async () => {
    const { fetch, seen } = scriptedFetch(() => status('completed'));
    const noStatus = createFaceverifyClient({
      baseUrl: 'https://fv.test',
      credentials: CREDENTIALS,
      fetch,
      statusPath: null,
    });
    expect(noStatus.statusConfigured).toBe(false);
    expect(await noStatus.readStatus('s1')).toEqual({ kind: 'no_endpoint', httpStatus: null });
    expect(await noStatus.waitForSession('s1')).toEqual({ kind: 'no_endpoint', httpStatus: null });
    expect(seen).toEqual([]);
  });

  it('polls on the schedule until the session ends', async () => {
    const clock = new FakeClock();
    const answers = [
      status('pending'),
      status('pending'),
      status('completed', { liveness: 0.9, live: true }),
    ];
    const { fetch, seen } = scriptedFetch((_r, i) => answers[i] ?? status('pending'));
    const polls: number[] = [];
    const read = await client(fetch, clock).waitForSession('sess-1', { onPoll: (n) => polls.push(n) });
    expect(stateOf(read)).toBe('completed');
    expect(seen).toHaveLength(3);
    expect(polls).toEqual([1, 2, 3]);
    expect(clock.sleeps).toEqual([1_000, 2_000]);
  });

  it('gives up at the deadline with provider_unavailable', async () => {
    const clock = new FakeClock();
    const { fetch } = scriptedFetch(() => status('pending'));
    await expect(client(fetch, clock).waitForSession('sess-1')).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('gives up after maxPolls requests, naming the setting', async () => {
    const clock = new FakeClock();
    const { fetch, seen } = scriptedFetch(() => status('pending'));
    await expect(
      client(fetch, clock).waitForSession('sess-1', { poll: { maxPolls: 2 } }),
    ).rejects.toMatchObject({
      code: 'provider_unavailable',
      message: expect.stringMatching(/2 checks, the most allowed \(faceverify\.maxPolls\)/) as string,
    });
    expect(seen).toHaveLength(2);
  });

  it('a per-wait poll setting overrides the client', async () => {
    const clock = new FakeClock();
    const { fetch } = scriptedFetch(() => status('pending'));
    await expect(
      client(fetch, clock).waitForSession('sess-1', { poll: { deadlineMs: 3_000 } }),
    ).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(3_000);
  });

  it('a 404, 405 or 501 means the service has no such endpoint, not that the session is gone', async () => {
    for (const code of [404, 405, 501]) {
      const { fetch, seen } = scriptedFetch(() => ({
        status: code,
        body: { success: false, code: 'SESSION_NOT_FOUND' },
      }));
      const c = client(fetch);
      expect(await c.readStatus('nope')).toEqual({ kind: 'no_endpoint', httpStatus: code });
      // The wait ends at the first such answer: there is nothing to poll.
      expect(await c.waitForSession('nope')).toEqual({ kind: 'no_endpoint', httpStatus: code });
      expect(seen).toHaveLength(2);
    }
  });

  it('a 410 is a refusal that marks the session as gone', async () => {
    const { fetch } = scriptedFetch(() => ({
      status: 410,
      body: { success: false, code: 'SESSION_EXPIRED' },
    }));
    const error = await client(fetch)
      .readStatus('old')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FaceverifyRejection);
    expect((error as FaceverifyRejection).sessionGone).toBe(true);
  });

  it('an unreadable 200 is provider_unavailable', async () => {
    const { fetch } = scriptedFetch(() => ({ status: 200, body: '<html></html>' }));
    await expect(client(fetch).readStatus('s')).rejects.toMatchObject({ code: 'provider_unavailable' });
  });
});
