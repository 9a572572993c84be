// Credentials and tokens over real HTTP: refused keys, expired submission tokens, a lost answer (never
// retried with its used token), an aged HMAC signature, and the job GET falling back to the HMAC pair once
// the job's token has expired. ("Already used" refusals are pinned in the client's unit tests.)
import { afterEach, describe, expect, it } from 'vitest';
import type { Fetch } from '../../../../main/lib/http-error';
import { createIdentifaiClient } from '../../../../main/providers/identifai/client';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../../main/sandbox/server';
import { ProviderError } from '../../../../main/providers/provider';
import { ktpCard, selfieA } from '../../../fixtures/images';
import { ShiftClock } from '../../../support/clocks';
import { watchingFetch } from '../../../support/watching-fetch';
import { clientOptions, sandboxJobs, startPeer, type Peer } from './helpers';

let sandbox: Sandbox | undefined;
let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  await sandbox?.close();
  peer = undefined;
  sandbox = undefined;
});

async function start(options: SandboxOptions = {}): Promise<{ base: string; clock: ShiftClock }> {
  const clock = new ShiftClock();
  sandbox = await startSandbox({ port: 0, jobDurationMs: 100, clock, ...options });
  return { base: `${sandbox.url}/identifai`, clock };
}

const ocrImages = async () => [await ktpCard('A')];

describe('IdentifAI over HTTP: credentials and tokens', () => {
  it('wrong access key or secret key → provider_auth, without the secret in the message', async () => {
    const { base } = await start();
    const client = createIdentifaiClient(
      clientOptions(base, {
        credentials: { accessKey: 'LOKETSANDBOXACCESS0001', secretKey: 'not-the-right-secret' },
      }),
    );
    const error = await client.submit('ocrKtp', { images: await ocrImages() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_auth' });
    expect((error as Error).message).not.toContain('not-the-right-secret');
    await expect(client.authorise()).rejects.toMatchObject({ code: 'provider_auth' });
  });

  it('a submission token that expired before use → a new token, one retry, one job', async () => {
    const { base, clock } = await start({ submissionTokenTtlSeconds: 60 });
    let minted = 0;
    // Time passes (on the sandbox clock) between minting the first token and using it.
    const { fetch, count } = watchingFetch((path) => {
      if (path.endsWith('/submission_tokens') && ++minted === 1) clock.advance(61_000);
    });
    const client = createIdentifaiClient(clientOptions(base, { fetch }));
    const submission = await client.submit('ocrKtp', {
      images: await ocrImages(),
      clientRef: 'EXPIREDONCE1',
    });
    expect(submission).toMatchObject({ mode: 'async', jobId: expect.any(String) as unknown });
    expect(count('/submission_tokens')).toBe(2);
    expect(count('/v1/analytics/ocr-ktp')).toBe(2);
    expect(
      (await sandboxJobs(sandbox?.url ?? '')).filter((j) => j.client_ref === 'EXPIREDONCE1'),
    ).toHaveLength(1);
  });

  it('tokens that keep expiring → provider_auth after exactly one retry', async () => {
    // Every answer is 300 ms late and tokens live 100 ms: each token has expired by the time it is used.
    const { base } = await start({ submissionTokenTtlSeconds: 0.1, latencyMs: 300 });
    const { fetch, count } = watchingFetch();
    const client = createIdentifaiClient(clientOptions(base, { fetch }));
    const error = await client.submit('ocrKtp', { images: await ocrImages() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', code: 'provider_auth' });
    expect((error as Error).message).toContain('Submission token is expired');
    expect(count('/v1/analytics/ocr-ktp')).toBe(2);
  });

  // Issue 4: the analytics POST is billable, so a lost answer is no longer retried with the same token
  // (which met "already used" and minted a second one inside the attempt). The attempt ends; the record's
  // next attempt submits with a new token. The lost job is still a job (and a charge): the duplicate window.
  it('an answer lost after the job was created → provider_unavailable; the next attempt makes one more job', async () => {
    const { base } = await start();
    let analytics = 0;
    peer = await startPeer(
      (_method, path) =>
        path.includes('/v1/analytics/') && ++analytics === 1 ? 'forward-then-unavailable' : 'forward',
      base,
    );
    const tokens: string[] = [];
    const noting: Fetch = (input, init) => {
      if (String(input).includes('/v1/analytics/'))
        tokens.push(new Headers(init?.headers).get('authorization') ?? '');
      return fetch(input, init);
    };
    const client = createIdentifaiClient(clientOptions(peer.url, { fetch: noting }));
    const lost = await client
      .submit('ocrKtp', { images: await ocrImages(), clientRef: 'USEDTOKEN01' })
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ProviderError);
    expect(lost).toMatchObject({ code: 'provider_unavailable' });
    expect(peer.seen.filter((s) => s.includes('/v1/analytics/'))).toHaveLength(1);
    const jobs = async () =>
      (await sandboxJobs(sandbox?.url ?? '')).filter((j) => j.client_ref === 'USEDTOKEN01');
    expect(await jobs()).toHaveLength(1);

    // The next attempt: a fresh token, never the used one, so no "already used" round trip.
    const submission = await client.submit('ocrKtp', { images: await ocrImages(), clientRef: 'USEDTOKEN01' });
    expect(submission.mode).toBe('async');
    expect(peer.seen.filter((s) => s.includes('/v1/analytics/'))).toHaveLength(2);
    expect(peer.seen.filter((s) => s.endsWith('/submission_tokens'))).toHaveLength(2);
    expect(new Set(tokens).size).toBe(2);
    expect(await jobs()).toHaveLength(2);
  });

  it('an aged HMAC signature (401) → one fresh signature, then success', async () => {
    const { base, clock } = await start({ identifai: { hmacTokenTtlSeconds: 60 } });
    const { fetch, count } = watchingFetch();
    const client = createIdentifaiClient(clientOptions(base, { fetch, clock }));
    await client.authorise();
    clock.advance(120_000); // the sandbox now refuses the cached signature; our provider still holds it
    await expect(client.submit('ocrKtp', { images: await ocrImages() })).resolves.toMatchObject({
      mode: 'async',
    });
    expect(count('/public/auth/v1/signatures')).toBe(2);
  });

  it('a signature the sandbox refuses even when fresh → provider_auth after one refresh', async () => {
    const { base } = await start({ identifai: { hmacTokenTtlSeconds: 0 } });
    const { fetch, count } = watchingFetch();
    // A zero lifetime: any signature is refused once its (whole-second) timestamp is in the past.
    const client = createIdentifaiClient(clientOptions(base, { fetch }));
    const error = await client.submit('ocrKtp', { images: await ocrImages() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'provider_auth' });
    expect(count('/auth/v1/submission_tokens')).toBe(2);
  });

  it("polling switches to the HMAC pair when the job's submission token has expired", async () => {
    const { base, clock } = await start({ submissionTokenTtlSeconds: 60, jobDurationMs: 1_000 });
    const gets: string[] = [];
    const { fetch } = watchingFetch();
    const watching: Fetch = async (input, init) => {
      if (String(input).includes('/v1/jobs/')) {
        const auth = new Headers(init?.headers).get('authorization') ?? '';
        gets.push(auth.startsWith('NODEFLUX-HMAC-SHA256') ? 'hmac' : 'token');
      }
      return fetch(input, init);
    };
    const client = createIdentifaiClient(clientOptions(base, { fetch: watching, clock: new ShiftClock() }));
    const job = await client.submit('ocrKtp', { images: await ocrImages() });
    if (job.mode !== 'async') throw new Error('expected an async job');
    expect(await client.getJob(job)).toMatchObject({ state: 'in_flight' });
    clock.advance(120_000); // the token expires on the sandbox (and the job is done)
    await expect(client.waitForJob(job)).resolves.toMatchObject({ status: 'success' });
    // The refused token is tried once, then only the HMAC pair (more than once if the analysis is still running).
    expect(gets.slice(0, 3)).toEqual(['token', 'token', 'hmac']);
    expect(new Set(gets.slice(2))).toEqual(new Set(['hmac']));
  });
});

describe('IdentifAI over HTTP: the selfie flow still works with the real token rules', () => {
  it('face-match-liveness with fresh tokens for each request', async () => {
    const { base } = await start();
    const client = createIdentifaiClient(clientOptions(base));
    const a = await client.submit('faceMatchLiveness', { images: [await ktpCard('A'), await selfieA()] });
    const b = await client.submit('ocrKtp', { images: await ocrImages() });
    if (a.mode !== 'async' || b.mode !== 'async') throw new Error('expected async jobs');
    expect(a.token).not.toBe(b.token);
    await expect(client.waitForJob(a)).resolves.toMatchObject({
      status: 'success',
      message: 'Face Match Liveness Success',
    });
  });
});
