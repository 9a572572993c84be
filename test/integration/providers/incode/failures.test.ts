// Interruptions and failures over real HTTP: a run cut off after process_id and resumed, a refused API key,
// a saved session the sandbox no longer knows, and — through a tiny HTTP peer of our own — 503s and a peer
// that never answers.
import { afterEach, describe, expect, it } from 'vitest';
import { createIncodeClient } from '../../../../main/providers/incode/client';
import { createIncodeProvider } from '../../../../main/providers/incode/provider';
import { ProviderError, type StepContext } from '../../../../main/providers/provider';
import { startSandbox, type Sandbox } from '../../../../main/sandbox/server';
import { ShiftClock } from '../../../support/clocks';
import { recordingContext } from '../../../support/step-context';
import { ktpCard, selfieA } from '../../../fixtures/images';
import { watchingFetch } from '../../../support/watching-fetch';
import { clientOptions, countJobs, incodeJobs, startPeer, type Peer } from './helpers';

let sandbox: Sandbox | undefined;
let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  await sandbox?.close();
  peer = undefined;
  sandbox = undefined;
});

const images = async () => ({ id_card: await ktpCard('A'), selfie: await selfieA() });

/** The context of a kiosk that loses power the moment `step` has been saved. */
function cutOffAfter(ctx: StepContext, step: string, crash: AbortController): StepContext {
  return {
    ...ctx,
    save: (name, output) => {
      ctx.save(name, output);
      if (name === step) crash.abort(new Error('power cut'));
    },
  };
}

describe('Incode over HTTP: resuming', () => {
  it('a run cut off right after process_id resumes from the selfie, in the same session', async () => {
    sandbox = await startSandbox({ port: 0 });
    const base = `${sandbox.url}/incode`;
    const crash = new AbortController();
    const first = recordingContext(await images(), { recordId: 'INCRESUME001', signal: crash.signal });
    const provider = createIncodeProvider({ client: clientOptions(base) });
    await expect(provider.verify(cutOffAfter(first.ctx, 'process_id', crash))).rejects.toThrow('power cut');
    expect(Object.keys(first.saved)).toEqual(['start', 'front_id', 'process_id']);

    // After the restart: a new provider, the saved steps from the store.
    const { fetch: watching, paths } = watchingFetch();
    const second = recordingContext(await images(), { recordId: 'INCRESUME001', saved: first.saved });
    const restarted = createIncodeProvider({ client: clientOptions(base, { fetch: watching }) });
    await expect(restarted.verify(second.ctx)).resolves.toMatchObject({
      kind: 'decided',
      outcome: { decision: 'verified' },
    });
    expect(
      paths.some((p) => p.endsWith('/omni/start') || p.endsWith('/front-id/v2') || p.endsWith('/process/id')),
    ).toBe(false);
    const jobs = await incodeJobs(sandbox.url, 'INCRESUME001');
    expect(countJobs(jobs, 'omni/start')).toBe(1);
    expect(countJobs(jobs, 'omni/add/front-id/v2')).toBe(1);
    expect(countJobs(jobs, 'omni/process/id')).toBe(1);
  });

  it('a saved session the sandbox does not know (401) → one new session, and the run completes', async () => {
    sandbox = await startSandbox({ port: 0 });
    const provider = createIncodeProvider({ client: clientOptions(`${sandbox.url}/incode`) });
    const saved = {
      start: { token: 'a-token-from-a-previous-sandbox', interviewId: 'gone0000000000000000000' },
    };
    const ctx = recordingContext(await images(), { recordId: 'INCSTALE0001', saved });
    await expect(provider.verify(ctx.ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(ctx.forgotten).toEqual(['start']);
    expect(countJobs(await incodeJobs(sandbox.url, 'INCSTALE0001'), 'omni/start')).toBe(1);
  });
});

describe('Incode over HTTP: slow processing', () => {
  it('the onboarding not finished by the poll deadline → provider_unavailable; the next run only polls on', async () => {
    const clock = new ShiftClock();
    sandbox = await startSandbox({ port: 0, clock, incode: { stepDelayMs: 30_000 } });
    const base = `${sandbox.url}/incode`;
    const impatient = createIncodeProvider({
      client: clientOptions(base, { poll: { firstDelayMs: 20, growth: 2, maxDelayMs: 50, deadlineMs: 300 } }),
      afterFinishPoll: { deadlineMs: 300 },
    });
    const first = recordingContext(await images(), { recordId: 'INCDEADLN001' });
    const error = await impatient.verify(first.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_unavailable' });
    expect((error as Error).message).toMatch(/had not finished the onboarding/);
    // finish-status was tried once at the deadline (and saved); processing was simply slow.
    expect(Object.keys(first.saved)).toEqual([
      'start',
      'front_id',
      'process_id',
      'selfie',
      'process_face',
      'finish',
    ]);

    clock.advance(5 * 60_000); // Incode has finished meanwhile
    const second = recordingContext(await images(), { recordId: 'INCDEADLN001', saved: first.saved });
    await expect(impatient.verify(second.ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(second.saves.map(([step]) => step)).toEqual(['onboarding', 'score', 'ocr']);
    const jobs = await incodeJobs(sandbox.url, 'INCDEADLN001');
    expect(countJobs(jobs, 'omni/start')).toBe(1);
    expect(countJobs(jobs, 'omni/add/face/third-party')).toBe(1);
  });
});

describe('Incode over HTTP: an expired session', () => {
  it('EXPIRED while waiting → failed provider_rejected, all steps forgotten; the next attempt starts anew', async () => {
    const clock = new ShiftClock();
    // Slow processing (30 s a stage) and a 60 s session: the session expires before the onboarding finishes.
    sandbox = await startSandbox({ port: 0, clock, incode: { sessionTtlSeconds: 60, stepDelayMs: 30_000 } });
    const base = `${sandbox.url}/incode`;
    const { fetch: ageing } = watchingFetch((path) => {
      if (path.endsWith('/omni/process/face')) clock.advance(61_000);
    });
    const provider = createIncodeProvider({ client: clientOptions(base, { fetch: ageing }) });
    const first = recordingContext(await images(), { recordId: 'INCEXPIRE001' });
    const result = await provider.verify(first.ctx);
    expect(result).toMatchObject({
      kind: 'failed',
      code: 'provider_rejected',
      raw: { onboardingStatus: 'EXPIRED' },
    });
    if (result.kind === 'failed') expect(result.message).toMatch(/expired/);
    expect(first.saved).toEqual({});
    const oldToken = (first.saves[0]?.[1] as { token: string }).token;

    // The next attempt opens a new session (cut off once it has, to keep the test short).
    const crash = new AbortController();
    const second = recordingContext(await images(), { recordId: 'INCEXPIRE001', signal: crash.signal });
    await expect(provider.verify(cutOffAfter(second.ctx, 'start', crash))).rejects.toThrow('power cut');
    expect(second.saved.start).toMatchObject({ token: expect.not.stringContaining(oldToken) as unknown });
    expect(countJobs(await incodeJobs(sandbox.url, 'INCEXPIRE001'), 'omni/start')).toBe(2);
  });
});

describe('Incode over HTTP: credentials', () => {
  it('a wrong API key → provider_auth, without the key in the message, nothing saved', async () => {
    sandbox = await startSandbox({ port: 0 });
    const provider = createIncodeProvider({
      client: clientOptions(`${sandbox.url}/incode`, { apiKey: 'not-the-sandbox-key-123' }),
    });
    const ctx = recordingContext(await images(), { recordId: 'INCBADKEY001' });
    const error = await provider.verify(ctx.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_auth', message: 'Incode refused the API key' });
    expect((error as Error).message).not.toContain('not-the-sandbox-key-123');
    expect(ctx.saves).toEqual([]);
  });
});

describe('Incode over HTTP: unavailable', () => {
  // Issue 4: every Incode POST is billable. A 503, a time-out or a reset connection may come after Incode
  // acted on it, so it is sent once per attempt; the record's next attempt sends it again. GETs are retried.
  it('503 on every request → the first POST sent once, provider_unavailable, nothing saved', async () => {
    peer = await startPeer(() => 'unavailable');
    const provider = createIncodeProvider({ client: clientOptions(peer.url, { retries: 2 }) });
    const ctx = recordingContext(await images(), { recordId: 'INC503000001' });
    await expect(provider.verify(ctx.ctx)).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_unavailable',
    });
    expect(peer.seen).toEqual(['POST /omni/start']);
    expect(ctx.saves).toEqual([]);
    expect(ctx.sent).toEqual(['start']);
  });

  it('a 503 on the selfie upload ends the attempt; the next one uploads it again and completes', async () => {
    sandbox = await startSandbox({ port: 0 });
    let selfies = 0;
    peer = await startPeer(
      (_m, path) => (path.includes('/omni/add/face/') && ++selfies === 1 ? 'unavailable' : 'forward'),
      `${sandbox.url}/incode`,
    );
    const provider = createIncodeProvider({ client: clientOptions(peer.url) });
    const first = recordingContext(await images(), { recordId: 'INC503ONCE01' });
    await expect(provider.verify(first.ctx)).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(peer.seen.filter((s) => s.startsWith('POST /omni/add/face/'))).toHaveLength(1);
    expect(Object.keys(first.saved)).toEqual(['start', 'front_id', 'process_id']);
    expect(first.sent).toEqual(['start', 'front_id', 'process_id', 'selfie']);

    // The record's next attempt: same provider, the saved steps; only the selfie onwards is sent.
    const seenBefore = peer.seen.length;
    const second = recordingContext(await images(), { recordId: 'INC503ONCE01', saved: first.saved });
    await expect(provider.verify(second.ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    const again = peer.seen.slice(seenBefore);
    expect(again.filter((s) => s.startsWith('POST /omni/add/face/'))).toHaveLength(1);
    expect(
      again.some((s) => s.endsWith('/omni/start') || s.endsWith('/front-id/v2') || s.endsWith('/process/id')),
    ).toBe(false);
    expect(second.sent).toEqual(['selfie', 'process_face']);
    const jobs = await incodeJobs(sandbox.url, 'INC503ONCE01');
    expect(countJobs(jobs, 'omni/start')).toBe(1);
    // The 503 came from the peer, so Incode saw the selfie once.
    expect(countJobs(jobs, 'omni/add/face/third-party')).toBe(1);
  });

  it('a peer that never answers → a POST times out once, a GET is retried; provider_unavailable', async () => {
    peer = await startPeer(() => 'hang');
    const client = createIncodeClient(clientOptions(peer.url, { timeoutMs: 200, retries: 1 }));
    const started = Date.now();
    const error = await client.start('INCHANG00001').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', code: 'provider_unavailable' });
    expect((error as Error).message).toMatch(/no answer within 200 ms/);
    expect(peer.seen).toEqual(['POST /omni/start']);

    const session = { token: 'a-session-token-for-the-hang', interviewId: 'hang0000000000000000000' };
    const polled = await client.getScore(session).catch((e: unknown) => e);
    expect(polled).toMatchObject({ name: 'ProviderError', code: 'provider_unavailable' });
    expect(peer.seen.slice(1)).toEqual(['GET /omni/get/score', 'GET /omni/get/score']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a refused connection (the POST never left) is retried in the transport', async () => {
    // A port that was just free: connecting to it is refused (ECONNREFUSED) before anything is sent.
    peer = await startPeer(() => 'unavailable');
    const closed = peer.url;
    await peer.close();
    peer = undefined;
    const { fetch: watching, count } = watchingFetch();
    const client = createIncodeClient(clientOptions(closed, { fetch: watching, retries: 2 }));
    await expect(client.start('INCREFUSED01')).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(count('/omni/start')).toBe(3);
  });

  it('Incode unreachable while waiting for the onboarding → provider_unavailable, steps up to process_face kept', async () => {
    sandbox = await startSandbox({ port: 0 });
    peer = await startPeer(
      (_m, path) => (path.includes('/onboarding/status') ? 'unavailable' : 'forward'),
      `${sandbox.url}/incode`,
    );
    const provider = createIncodeProvider({ client: clientOptions(peer.url, { retries: 0 }) });
    const ctx = recordingContext(await images(), { recordId: 'INCSLOW00001' });
    await expect(provider.verify(ctx.ctx)).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(Object.keys(ctx.saved)).toEqual(['start', 'front_id', 'process_id', 'selfie', 'process_face']);

    // Reachable again: the next run only polls on and reads the results.
    const again = recordingContext(await images(), { recordId: 'INCSLOW00001', saved: ctx.saved });
    const direct = createIncodeProvider({ client: clientOptions(`${sandbox.url}/incode`) });
    await expect(direct.verify(again.ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(again.saves.map(([step]) => step)).toEqual(['onboarding', 'score', 'ocr']);
  });
});
