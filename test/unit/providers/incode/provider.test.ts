// The Incode provider's steps with the real client over a scripted fetch: the order of calls, what is
// saved and when, resuming from every saved step, retakes within the session, EXPIRED, session refusals,
// unreachable Incode, and what each failure becomes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageKind } from '../../../../common/record';
import type { IncodeClientOptions } from '../../../../main/providers/incode/client';
import type { FinishStatusMode } from '../../../../main/providers/incode/finish-mode';
import { createIncodeProvider } from '../../../../main/providers/incode/provider';
import { STEPS } from '../../../../main/providers/incode/steps';
import { ProviderError } from '../../../../main/providers/provider';
import { solidImages } from '../../../support/solid-images';
import { recordingContext } from '../../../support/step-context';
import { FakeClock } from '../../../support/clocks';
import {
  API_KEY,
  fakeIncode,
  INTERVIEW_ID,
  ok,
  scoreBody,
  TOKEN,
  type Answer,
  type Route,
  type RouteName,
} from './fake-incode';

let images: Record<ImageKind, Buffer>;
beforeAll(async () => {
  images = await solidImages();
});

const ALL_ROUTES: RouteName[] = [
  'start',
  'frontId',
  'processId',
  'selfie',
  'processFace',
  'onboarding',
  'finish',
  'score',
  'ocr',
];

function setup(
  script: Partial<Record<RouteName, Answer | Route>> = {},
  options: {
    saved?: Record<string, unknown>;
    signal?: AbortSignal;
    client?: Partial<IncodeClientOptions>;
    /** Most tests here follow the seed's full step list, finish-status included: 'always'. */
    finishStatus?: FinishStatusMode;
  } = {},
) {
  const fake = fakeIncode(script);
  const provider = createIncodeProvider({
    finishStatus: options.finishStatus ?? 'always',
    client: {
      baseUrl: 'https://incode.test',
      apiKey: API_KEY,
      fetch: fake.fetch,
      clock: new FakeClock(),
      random: () => 0.5,
      retries: 1,
      retryDelay: { minDelayMs: 10, maxDelayMs: 20 },
      poll: { firstDelayMs: 100, growth: 2, maxDelayMs: 200, deadlineMs: 2_000 },
      timeoutMs: 1_000,
      ...options.client,
    },
  });
  const recording = recordingContext(images, {
    recordId: 'REC0001abc',
    saved: options.saved,
    signal: options.signal,
  });
  return { fake, provider, ...recording };
}

const savedNames = (saves: Array<[string, unknown]>) => saves.map(([name]) => name);

describe('createIncodeProvider: the happy path', () => {
  it('runs the steps in the seed order, saving each answer, and decides verified', async () => {
    const { fake, provider, ctx, saves, sent } = setup();
    const result = await provider.verify(ctx);

    expect(provider.name).toBe('incode');
    expect(fake.calls()).toEqual(ALL_ROUTES);
    expect(savedNames(saves)).toEqual([...STEPS]);
    // Each POST is announced right before it is sent; the GETs (onboarding onwards) are not billable.
    expect(sent).toEqual(['start', 'front_id', 'process_id', 'selfie', 'process_face']);
    expect(saves[0]).toEqual(['start', expect.objectContaining({ token: TOKEN, interviewId: INTERVIEW_ID })]);
    expect(fake.seen[0]?.body).toEqual({ countryCode: 'ALL', externalCustomerId: 'REC0001abc' });
    expect(result).toMatchObject({
      kind: 'decided',
      outcome: {
        decision: 'verified',
        live: true,
        liveness: 0.975,
        match: true,
        similarity: 0.88,
        providerMessage: 'overall OK (100.0)',
        ocr: { nik: '3174010310930005', name: 'BUDI SANTOSO', birthDate: '03-10-1993', sex: 'LAKI-LAKI' },
      },
      raw: {
        score: expect.any(Object) as unknown,
        ocr: expect.any(Object) as unknown,
        processFace: { confidence: 1 },
      },
    });
  });

  it('reports progress through every stage, monotonic, ending at done 1', async () => {
    const { provider, ctx, progress } = setup({
      onboarding: (_r, nth) => ok({ onboardingStatus: nth < 2 ? 'UNKNOWN' : 'ONBOARDING_FINISHED' }),
    });
    await provider.verify(ctx);
    const steps = progress.map(([step]) => step);
    expect(new Set(steps)).toEqual(
      new Set(['authorising', 'submitting', 'processing', 'reading_id', 'done']),
    );
    expect(steps.indexOf('authorising')).toBe(0);
    expect(progress.at(-1)).toEqual(['done', 1]);
    const fractions = progress.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it.each<[string, Answer, string]>([
    ['WARN', ok(scoreBody('WARN', '64.0')), 'needs_review'],
    ['FAIL', ok(scoreBody('FAIL', '10.0')), 'not_verified'],
    ['MANUAL_PENDING', ok(scoreBody('MANUAL_PENDING', '0.0')), 'needs_review'],
  ])('overall %s → %s', async (_status, score, decision) => {
    const { provider, ctx } = setup({ score });
    await expect(provider.verify(ctx)).resolves.toMatchObject({ kind: 'decided', outcome: { decision } });
  });
});

describe('createIncodeProvider: resuming', () => {
  it.each(STEPS.map((step, i) => [step, i + 1] as const))(
    'with everything up to %s saved, the next run makes none of the earlier calls',
    async (_step, done) => {
      const first = setup();
      const expected = await first.provider.verify(first.ctx);
      const saved = Object.fromEntries(first.saves.slice(0, done));

      const second = setup({}, { saved });
      const result = await second.provider.verify(second.ctx);
      expect(second.fake.calls()).toEqual(ALL_ROUTES.slice(done));
      expect(savedNames(second.saves)).toEqual(STEPS.slice(done));
      expect(result).toEqual(expected);
      // The saved session's token is the one used.
      for (const request of second.fake.seen) expect(request.headers['x-incode-hardware-id']).toBe(TOKEN);
    },
  );

  it('an unreadable saved step is done again', async () => {
    const first = setup();
    await first.provider.verify(first.ctx);
    const saved = { ...Object.fromEntries(first.saves.slice(0, 3)), process_id: 'garbage' };
    const second = setup({}, { saved });
    await second.provider.verify(second.ctx);
    expect(second.fake.calls()).toEqual(ALL_ROUTES.slice(2));
  });

  it('a run cut off by an abort after process_id resumes from selfie', async () => {
    const controller = new AbortController();
    const first = setup(
      {
        processId: () => {
          controller.abort(new Error('kiosk shutting down'));
          return ok({ success: true });
        },
      },
      { signal: controller.signal },
    );
    await expect(first.provider.verify(first.ctx)).rejects.toThrow('kiosk shutting down');
    expect(savedNames(first.saves)).toEqual(['start', 'front_id', 'process_id']);

    const second = setup({}, { saved: first.saved });
    await expect(second.provider.verify(second.ctx)).resolves.toMatchObject({
      outcome: { decision: 'verified' },
    });
    expect(second.fake.calls()).toEqual(ALL_ROUTES.slice(3));
  });

  it("finishStatus 'never': the onboarding deadline → provider_unavailable; the next run only polls on", async () => {
    const first = setup(
      { onboarding: ok({ onboardingStatus: 'POST_PROCESSING_FINISHED' }) },
      { finishStatus: 'never' },
    );
    const error = await first.provider.verify(first.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      message: expect.stringMatching(
        /last status POST_PROCESSING_FINISHED.*Mark session completed on status.*incode\.finishStatus/,
      ) as string,
    });
    expect(first.fake.count('finish')).toBe(0);
    expect(Object.keys(first.saved)).toEqual(['start', 'front_id', 'process_id', 'selfie', 'process_face']);

    const second = setup({}, { saved: first.saved, finishStatus: 'never' });
    await second.provider.verify(second.ctx);
    expect(second.fake.calls()).toEqual(['onboarding', 'score', 'ocr']);
  });
});

describe('createIncodeProvider: finish-status (item 7)', () => {
  /** A flow whose "Mark session completed on status" is not set: it finishes only after finish-status. */
  function needsFinishStatus() {
    let finishedAt: number | null = null;
    let polls = 0;
    return {
      script: {
        onboarding: () => {
          polls++;
          return ok({
            onboardingStatus: finishedAt === null ? 'FACE_VALIDATION_FINISHED' : 'ONBOARDING_FINISHED',
          });
        },
        finish: () => {
          finishedAt = polls;
          return ok({ redirectionUrl: 'https://example.invalid/done', action: 'approved' });
        },
      },
      pollsBeforeFinish: () => finishedAt,
    };
  }

  it('by default a flow that finishes by itself never sees finish-status', async () => {
    const { fake, provider, ctx, saves } = setup({}, { finishStatus: 'on_deadline' });
    await expect(provider.verify(ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(fake.calls()).toEqual(ALL_ROUTES.filter((route) => route !== 'finish'));
    expect(savedNames(saves)).toEqual(STEPS.filter((step) => step !== 'finish'));
  });

  it('at the deadline it calls finish-status once, saves that, polls again and decides', async () => {
    const flow = needsFinishStatus();
    const { fake, provider, ctx, saved } = setup(flow.script, { finishStatus: 'on_deadline' });
    await expect(provider.verify(ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(fake.count('finish')).toBe(1);
    // Polled until the 2 s deadline (100, 200, 200… ms), then finish-status, then one more look.
    expect(flow.pollsBeforeFinish()).toBeGreaterThan(5);
    expect(fake.calls().slice(-4)).toEqual(['finish', 'onboarding', 'score', 'ocr']);
    expect(saved.finish).toEqual({
      calledAt: 'deadline',
      answer: { redirectionUrl: 'https://example.invalid/done', action: 'approved' },
    });
    expect(saved.onboarding).toEqual({ onboardingStatus: 'ONBOARDING_FINISHED' });
  });

  it('still not finished after it: the wait is bounded, and a resumed run never calls it twice', async () => {
    const first = setup(
      { onboarding: ok({ onboardingStatus: 'FACE_VALIDATION_FINISHED' }) },
      { finishStatus: 'on_deadline' },
    );
    await expect(first.provider.verify(first.ctx)).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(first.fake.count('finish')).toBe(1);
    expect(first.saved.finish).toMatchObject({ calledAt: 'deadline' });
    expect(first.saved.onboarding).toBeUndefined();

    const second = setup(
      { onboarding: ok({ onboardingStatus: 'FACE_VALIDATION_FINISHED' }) },
      { saved: first.saved, finishStatus: 'on_deadline' },
    );
    await expect(second.provider.verify(second.ctx)).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(second.fake.count('finish')).toBe(0);

    const third = setup({}, { saved: first.saved, finishStatus: 'on_deadline' });
    await expect(third.provider.verify(third.ctx)).resolves.toMatchObject({
      outcome: { decision: 'verified' },
    });
    expect(third.fake.calls()).toEqual(['onboarding', 'score', 'ocr']);
  });

  it("'always' calls it once after the onboarding finished (the seed's step 8), also when it was needed", async () => {
    const flow = needsFinishStatus();
    const { fake, provider, ctx, saved } = setup(flow.script, { finishStatus: 'always' });
    await expect(provider.verify(ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(fake.count('finish')).toBe(1);
    expect(saved.finish).toMatchObject({ calledAt: 'deadline' });

    const plain = setup({}, { finishStatus: 'always' });
    await plain.provider.verify(plain.ctx);
    expect(plain.saved.finish).toMatchObject({ calledAt: 'after_onboarding' });
  });
});

describe('createIncodeProvider: retakes within the session', () => {
  it('a poor ID photo → retake id_card; the session is kept and the next run uploads the card again', async () => {
    const first = setup({
      frontId: ok({ classification: true, glare: 4, sharpness: 80, horizontalResolution: 400 }),
    });
    await expect(first.provider.verify(first.ctx)).resolves.toEqual({
      kind: 'retake',
      imageKind: 'id_card',
      reason: 'id_glare',
      providerMessage: 'glare 4 < 10',
      raw: { classification: true, glare: 4, sharpness: 80, horizontalResolution: 400 },
    });
    expect(first.fake.calls()).toEqual(['start', 'frontId']);
    expect(Object.keys(first.saved)).toEqual(['start']);
    expect(first.progress.at(-1)).toEqual(['done', 1]);

    const second = setup({}, { saved: first.saved });
    await expect(second.provider.verify(second.ctx)).resolves.toMatchObject({ kind: 'decided' });
    expect(second.fake.calls()).toEqual(ALL_ROUTES.slice(1));
  });

  it('front-id failReason on HTTP 200 → retake id_card with the failReason as the message', async () => {
    const { provider, ctx } = setup({
      frontId: ok({
        classification: false,
        glare: 100,
        sharpness: 100,
        horizontalResolution: 0,
        failReason: 'UNKNOWN_DOCUMENT_TYPE',
      }),
    });
    await expect(provider.verify(ctx)).resolves.toMatchObject({
      kind: 'retake',
      imageKind: 'id_card',
      reason: 'id_not_recognised',
      providerMessage: 'UNKNOWN_DOCUMENT_TYPE',
    });
  });

  it('process-id code 6000 → retake id_card, forgetting the uploaded card', async () => {
    const { provider, ctx, saved, forgotten } = setup({
      processId: { status: 400, body: { status: 6000, message: 'BadRequestException: could not process' } },
    });
    await expect(provider.verify(ctx)).resolves.toMatchObject({
      kind: 'retake',
      imageKind: 'id_card',
      reason: 'id_not_recognised',
    });
    expect(forgotten).toEqual(['front_id']);
    expect(Object.keys(saved)).toEqual(['start']);
  });

  it('a spoofed selfie → retake selfie; start, front_id and process_id are kept', async () => {
    const first = setup({
      selfie: ok({ confidence: 1, isBright: true, hasLenses: false, hasFaceMask: false }),
    });
    await expect(first.provider.verify(first.ctx)).resolves.toMatchObject({
      kind: 'retake',
      imageKind: 'selfie',
      reason: 'spoof_suspected',
      providerMessage: 'confidence 1',
    });
    expect(Object.keys(first.saved)).toEqual(['start', 'front_id', 'process_id']);

    const second = setup({}, { saved: first.saved });
    await expect(second.provider.verify(second.ctx)).resolves.toMatchObject({
      outcome: { decision: 'verified' },
    });
    expect(second.fake.calls()).toEqual(ALL_ROUTES.slice(3));
  });

  it('a selfie refused with 4010 → retake only_one_person', async () => {
    const { provider, ctx } = setup({
      selfie: {
        status: 400,
        body: { status: 4010, message: 'BadRequestException: More than one face detected.' },
      },
    });
    await expect(provider.verify(ctx)).resolves.toMatchObject({
      kind: 'retake',
      imageKind: 'selfie',
      reason: 'only_one_person',
      providerMessage: '4010: More than one face detected.',
    });
  });
});

describe('createIncodeProvider: failures', () => {
  it('EXPIRED → failed provider_rejected, and every step is forgotten so the next attempt starts anew', async () => {
    const first = setup({ onboarding: ok({ onboardingStatus: 'EXPIRED' }) });
    const result = await first.provider.verify(first.ctx);
    expect(result).toMatchObject({
      kind: 'failed',
      code: 'provider_rejected',
      raw: { onboardingStatus: 'EXPIRED' },
    });
    if (result.kind === 'failed') expect(result.message).toMatch(/expired/);
    expect(first.saved).toEqual({});
    expect(first.forgotten).toEqual(['start', 'front_id', 'process_id', 'selfie', 'process_face']);

    const second = setup({}, { saved: first.saved });
    await second.provider.verify(second.ctx);
    expect(second.fake.calls()).toEqual(ALL_ROUTES);
  });

  it('403 → provider_auth, nothing saved', async () => {
    const { provider, ctx, saves } = setup({
      start: { status: 403, body: { status: 403, error: 'Forbidden' } },
    });
    await expect(provider.verify(ctx)).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_auth',
      message: 'Incode refused the API key',
    });
    expect(saves).toEqual([]);
  });

  it('401 on a saved session token → forget it, one new session, carry on', async () => {
    const first = setup();
    await first.provider.verify(first.ctx);
    const saved = Object.fromEntries(first.saves.slice(0, 3));

    const NEW_TOKEN = 'second-session-token-abcdef';
    const second = setup(
      {
        start: ok({ token: NEW_TOKEN, interviewId: 'interview-2' }),
        selfie: (request) =>
          request.headers['x-incode-hardware-id'] === TOKEN
            ? { status: 401 }
            : ok({ confidence: 0, isBright: true }),
      },
      { saved },
    );
    await expect(second.provider.verify(second.ctx)).resolves.toMatchObject({
      outcome: { decision: 'verified' },
    });
    expect(second.fake.calls()).toEqual(['selfie', ...ALL_ROUTES]);
    expect(second.forgotten).toEqual(['start', 'front_id', 'process_id']);
    expect(second.saved.start).toMatchObject({ token: NEW_TOKEN });
    expect(second.fake.seen.at(-1)?.query).toEqual({ id: 'interview-2' });
    // Progress never goes back although the run started over.
    const fractions = second.progress.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('401 on a token this run was just issued → provider_auth, steps forgotten, no second session', async () => {
    const { provider, ctx, fake, saved } = setup({ processFace: { status: 401 } });
    const error = await provider.verify(ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProviderError', code: 'provider_auth' });
    expect((error as Error).message).not.toContain(TOKEN);
    expect(fake.count('start')).toBe(1);
    expect(saved).toEqual({});
  });

  it('401 again on the new session after a restart → provider_auth, only one new session', async () => {
    const first = setup();
    await first.provider.verify(first.ctx);
    const second = setup(
      { frontId: { status: 401 } },
      { saved: Object.fromEntries(first.saves.slice(0, 1)) },
    );
    await expect(second.provider.verify(second.ctx)).rejects.toMatchObject({ code: 'provider_auth' });
    expect(second.fake.calls()).toEqual(['frontId', 'start', 'frontId']);
  });

  // Issue 4: an Incode POST is billable, so a 5xx on it is not retried within the run (Incode may have
  // handled it); the record's next attempt sends it again, and `sent` without a `save` is that window.
  it('5xx on an upload → one request, provider_unavailable, completed steps kept; the next run carries on', async () => {
    const first = setup({ selfie: { status: 503 } });
    await expect(first.provider.verify(first.ctx)).rejects.toMatchObject({
      name: 'ProviderError',
      code: 'provider_unavailable',
    });
    expect(first.fake.count('selfie')).toBe(1);
    expect(first.fake.calls()).toEqual(['start', 'frontId', 'processId', 'selfie']);
    expect(Object.keys(first.saved)).toEqual(['start', 'front_id', 'process_id']);
    expect(savedNames(first.saves)).toEqual(['start', 'front_id', 'process_id']);
    // The selfie was announced as sent but never saved: the duplicate window the next attempt logs.
    expect(first.sent).toEqual(['start', 'front_id', 'process_id', 'selfie']);

    const second = setup({}, { saved: first.saved });
    await expect(second.provider.verify(second.ctx)).resolves.toMatchObject({
      outcome: { decision: 'verified' },
    });
    expect(second.fake.calls()).toEqual(ALL_ROUTES.slice(3));
    expect(second.sent).toEqual(['selfie', 'process_face']);
  });

  it('a time-out on a POST → provider_unavailable after that one request', async () => {
    const { provider, ctx, fake, sent, saved } = setup(
      { processFace: 'hang' },
      { client: { timeoutMs: 20 } },
    );
    await expect(provider.verify(ctx)).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(fake.count('processFace')).toBe(1);
    expect(sent.at(-1)).toBe('process_face');
    expect(Object.keys(saved)).toEqual(['start', 'front_id', 'process_id', 'selfie']);
  });

  it('a 429 on an upload is retried within the run (Incode did not act on it)', async () => {
    const { provider, ctx, fake, sent } = setup({
      selfie: (_r, nth) => (nth === 0 ? { status: 429 } : ok({ confidence: 0, isBright: true })),
    });
    await expect(provider.verify(ctx)).resolves.toMatchObject({ outcome: { decision: 'verified' } });
    expect(fake.count('selfie')).toBe(2);
    // One announcement for the step, however many times the transport tried it.
    expect(sent.filter((step) => step === 'selfie')).toHaveLength(1);
  });

  it('a time-out → provider_unavailable', async () => {
    const { provider, ctx, fake } = setup({ score: 'hang' }, { client: { timeoutMs: 20 } });
    await expect(provider.verify(ctx)).rejects.toMatchObject({ code: 'provider_unavailable' });
    expect(fake.count('score')).toBe(2);
  });

  it('another 4xx → failed provider_rejected with the body for audit', async () => {
    const body = { status: 400, error: 'Bad Request', message: 'Invalid id' };
    const { provider, ctx } = setup({ score: { status: 400, body } });
    const result = await provider.verify(ctx);
    expect(result).toMatchObject({ kind: 'failed', code: 'provider_rejected', raw: body });
    if (result.kind === 'failed')
      expect(result.message).toMatch(/Incode refused the scores: GET .*\/omni\/get\/score → 400/);
  });

  it('finish-status refused with a 4xx is not fatal (the step is optional in the seed)', async () => {
    const { provider, ctx, saved } = setup({
      finish: { status: 400, body: { status: 400, message: 'already finished' } },
    });
    await expect(provider.verify(ctx)).resolves.toMatchObject({
      kind: 'decided',
      outcome: { decision: 'verified' },
    });
    expect(saved.finish).toMatchObject({ calledAt: 'after_onboarding', answer: { refused: true } });
  });

  it('an unusable photo → failed invalid_image before any request', async () => {
    const { provider, ctx, fake } = setup();
    const broken = { ...ctx, images: { ...images, selfie: Buffer.from('not an image') } };
    await expect(provider.verify(broken)).resolves.toMatchObject({ kind: 'failed', code: 'invalid_image' });
    expect(fake.seen).toEqual([]);
  });

  it('an aborted run rejects with the abort reason and sends nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const { provider, ctx, fake } = setup({}, { signal: controller.signal });
    await expect(provider.verify(ctx)).rejects.toThrow('cancelled');
    expect(fake.seen).toEqual([]);
  });
});
