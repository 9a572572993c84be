import { describe, expect, it } from 'vitest';
import type { CustomerAction, Progress } from '../../../../common/contract';
import { flowReducer } from '../../../../renderer/kiosk/flow/reducer';
import type { FlowAction, FlowState } from '../../../../renderer/kiosk/flow/state';
import { initialFlowState } from '../../../../renderer/kiosk/flow/state';
import { outcome, record, unavailable } from '../fixtures';

const run = (state: FlowState, ...actions: FlowAction[]) => actions.reduce(flowReducer, state);

const capture = (kind: 'id_card' | 'selfie', submitAfter = false): FlowState => ({
  screen: 'capture',
  recordId: 'rec000001',
  kind,
  notice: null,
  submitAfter,
});

const waiting: FlowState = {
  screen: 'waiting',
  recordId: 'rec000001',
  progress: null,
  action: null,
  submitReturned: false,
};

describe('flowReducer: the happy path', () => {
  it('goes home → ID card → preview → selfie → preview → waiting → result', () => {
    let state = run(initialFlowState, { type: 'startRequested' });
    expect(state).toEqual({ screen: 'home', starting: true });

    state = run(state, { type: 'started', record: record() });
    expect(state).toEqual(capture('id_card'));

    state = run(state, { type: 'photoTaken', imageBase64: 'AAAA' });
    expect(state).toMatchObject({ screen: 'preview', kind: 'id_card', imageBase64: 'AAAA', saving: false });

    state = run(state, { type: 'savePressed' }, { type: 'saved', recordId: 'rec000001', kind: 'id_card' });
    expect(state).toEqual(capture('selfie'));

    state = run(
      state,
      { type: 'photoTaken', imageBase64: 'BBBB' },
      { type: 'savePressed' },
      { type: 'saved', recordId: 'rec000001', kind: 'selfie' },
    );
    expect(state).toEqual(waiting);

    state = run(state, {
      type: 'progress',
      progress: { recordId: 'rec000001', step: 'processing', status: 'in_progress', fraction: 0.5 },
    });
    expect(state).toMatchObject({ screen: 'waiting', progress: { step: 'processing', fraction: 0.5 } });

    const decided = record({ status: 'decided', outcome });
    state = run(state, { type: 'submitted', record: decided });
    expect(state).toEqual({ screen: 'result', record: decided, outcome });

    expect(run(state, { type: 'reset' })).toEqual(initialFlowState);
  });

  it('Retake from the preview returns to the same live step', () => {
    const state = run(
      capture('selfie'),
      { type: 'photoTaken', imageBase64: 'AAAA' },
      { type: 'retakePressed' },
    );
    expect(state).toEqual(capture('selfie'));
  });

  it('ignores Retake and a second save while the photo is being saved', () => {
    const saving = run(
      capture('id_card'),
      { type: 'photoTaken', imageBase64: 'AAAA' },
      { type: 'savePressed' },
    );
    expect(run(saving, { type: 'retakePressed' })).toBe(saving);
    expect(run(saving, { type: 'savePressed' })).toBe(saving);
  });
});

describe('flowReducer: progress', () => {
  const progress = (recordId: string, fraction: number): FlowAction => ({
    type: 'progress',
    progress: { recordId, step: 'submitting', status: 'in_progress', fraction },
  });

  it('ignores events for another record', () => {
    expect(run(waiting, progress('other00001', 0.4))).toBe(waiting);
  });

  it('never moves the bar backwards', () => {
    const state = run(waiting, progress('rec000001', 0.6), progress('rec000001', 0.3));
    expect(state).toMatchObject({ progress: { fraction: 0.6 } });
  });

  it('ignores events outside the waiting screen', () => {
    expect(run(initialFlowState, progress('rec000001', 0.4))).toBe(initialFlowState);
  });

  it('starts without a customer action', () => {
    expect(run(waiting, progress('rec000001', 0.2))).toMatchObject({ action: null });
  });
});

describe('flowReducer: the hosted face check', () => {
  const qrDataUrl = 'data:image/png;base64,iVBORw0KGgo=';
  const hosted: CustomerAction = { kind: 'hosted_session', url: null, qrDataUrl };
  const event = (patch: Partial<Progress> & Pick<Progress, 'step'>, recordId = 'rec000001'): FlowAction => ({
    type: 'progress',
    progress: { recordId, status: 'in_progress', fraction: 0.3, ...patch },
  });

  it('shows the action an event carries, with the step and the bar', () => {
    const state = run(waiting, event({ step: 'waiting_for_customer', action: hosted }));
    expect(state).toEqual({
      ...waiting,
      progress: { step: 'waiting_for_customer', status: 'in_progress', fraction: 0.3 },
      action: hosted,
    });
  });

  it('keeps the action while later events repeat it, and clears it on an event with null', () => {
    let state = run(
      waiting,
      event({ step: 'waiting_for_customer', action: hosted }),
      event({ step: 'processing', fraction: 0.5, action: hosted }),
    );
    expect(state).toMatchObject({ action: hosted, progress: { step: 'processing', fraction: 0.5 } });

    state = run(state, event({ step: 'processing', fraction: 0.7, action: null }));
    expect(state).toMatchObject({ screen: 'waiting', action: null, progress: { fraction: 0.7 } });
  });

  it('clears the action on an event without one (the final done event)', () => {
    const state = run(
      waiting,
      event({ step: 'waiting_for_customer', action: hosted }),
      event({ step: 'done', status: 'decided', fraction: 1 }),
    );
    expect(state).toMatchObject({ action: null, progress: { step: 'done', status: 'decided' } });
  });

  it('ignores an action for another record', () => {
    expect(run(waiting, event({ step: 'waiting_for_customer', action: hosted }, 'other00001'))).toBe(waiting);
  });

  it('leaves the hosted screen for the result when submit resolves', () => {
    const shown = run(
      waiting,
      event({ step: 'waiting_for_customer', action: { ...hosted, url: 'https://faceverify.example/s/1' } }),
    );
    const decided = record({ status: 'decided', outcome });
    expect(run(shown, { type: 'submitted', record: decided })).toEqual({
      screen: 'result',
      record: decided,
      outcome,
    });
  });

  it('keeps the hosted screen when submit answers that the record is still in progress', () => {
    const shown = run(waiting, event({ step: 'waiting_for_customer', action: hosted }));
    const state = run(shown, { type: 'submitted', record: record({ status: 'in_progress' }) });
    expect(state).toMatchObject({ screen: 'waiting', action: hosted, submitReturned: true });
  });

  it('a new submission starts without the previous action', () => {
    const shown = run(waiting, event({ step: 'waiting_for_customer', action: hosted }));
    const failed = run(shown, { type: 'submitFailed', recordId: 'rec000001', error: unavailable });
    expect(run(failed, { type: 'retrySubmit', recordId: 'rec000001' })).toEqual(waiting);
  });
});

describe('flowReducer: other outcomes of submit', () => {
  it('a selfie retake returns to the selfie with the reason, then submits straight after', () => {
    const state = run(waiting, {
      type: 'submitted',
      record: record({ status: 'retake', retake: { kind: 'selfie', reason: 'no_face' } }),
    });
    expect(state).toEqual({
      screen: 'capture',
      recordId: 'rec000001',
      kind: 'selfie',
      notice: { type: 'retake', reason: 'no_face' },
      submitAfter: true,
    });
  });

  it('an ID card retake goes back to the ID card with the reason, then submits without a new selfie', () => {
    let state = run(waiting, {
      type: 'submitted',
      record: record({
        status: 'retake',
        images: ['id_card', 'selfie'],
        retake: { kind: 'id_card', reason: 'id_glare' },
      }),
    });
    expect(state).toEqual({
      screen: 'capture',
      recordId: 'rec000001',
      kind: 'id_card',
      notice: { type: 'retake', reason: 'id_glare' },
      submitAfter: true,
    });

    // Retake from the preview stays on the ID card and keeps the submit-after flag.
    state = run(state, { type: 'photoTaken', imageBase64: 'AAAA' }, { type: 'retakePressed' });
    expect(state).toMatchObject({ screen: 'capture', kind: 'id_card', submitAfter: true });

    state = run(state, { type: 'photoTaken', imageBase64: 'CCCC' });
    expect(state).toMatchObject({ screen: 'preview', kind: 'id_card', submitAfter: true });
    state = run(state, { type: 'savePressed' }, { type: 'saved', recordId: 'rec000001', kind: 'id_card' });
    // Straight to waiting (useFlow submits because submitAfter is set): the selfie step is skipped.
    expect(state).toEqual(waiting);

    const decided = record({ status: 'decided', outcome });
    expect(run(state, { type: 'submitted', record: decided })).toEqual({
      screen: 'result',
      record: decided,
      outcome,
    });
  });

  it.each(['id_not_recognised', 'id_glare', 'id_blurry', 'id_too_small'] as const)(
    'an ID card retake for %s shows that reason on the ID card step',
    (reason) => {
      const state = run(waiting, {
        type: 'submitted',
        record: record({ status: 'retake', retake: { kind: 'id_card', reason } }),
      });
      expect(state).toMatchObject({
        screen: 'capture',
        kind: 'id_card',
        notice: { type: 'retake', reason },
        submitAfter: true,
      });
    },
  );

  it('an Incode selfie retake returns to the selfie with its reason', () => {
    const state = run(waiting, {
      type: 'submitted',
      record: record({ status: 'retake', retake: { kind: 'selfie', reason: 'remove_glasses' } }),
    });
    expect(state).toMatchObject({
      screen: 'capture',
      kind: 'selfie',
      notice: { type: 'retake', reason: 'remove_glasses' },
      submitAfter: true,
    });
  });

  it('a failed save during an ID card retake offers the ID card again, still submitting after', () => {
    const state = run(
      capture('id_card', true),
      { type: 'photoTaken', imageBase64: 'AAAA' },
      { type: 'savePressed' },
      { type: 'saveFailed', recordId: 'rec000001', kind: 'id_card', error: unavailable },
    );
    expect(state).toMatchObject({
      screen: 'failed',
      retry: { action: 'capture', kind: 'id_card', submitAfter: true },
    });
    expect(
      run(state, { type: 'retryCapture', recordId: 'rec000001', kind: 'id_card', submitAfter: true }),
    ).toEqual(capture('id_card', true));
  });

  it('a retake without a reason from main asks for the selfie again', () => {
    expect(run(waiting, { type: 'submitted', record: record({ status: 'retake' }) })).toMatchObject({
      screen: 'capture',
      kind: 'selfie',
      notice: { type: 'retake', reason: 'poor_quality' },
      submitAfter: true,
    });
  });

  it('pending (provider unreachable, record saved) shows the saved screen', () => {
    const pending = record({ status: 'pending', nextAttemptAt: '2025-01-01T00:05:00.000Z' });
    expect(run(waiting, { type: 'submitted', record: pending })).toEqual({
      screen: 'pending',
      record: pending,
    });
  });

  it('a failed record shows its code and offers a new verification', () => {
    const failed = record({ status: 'failed', error: { code: 'provider_rejected', message: 'bad image' } });
    expect(run(waiting, { type: 'submitted', record: failed })).toEqual({
      screen: 'failed',
      error: { code: 'provider_rejected', message: 'bad image' },
      retry: { action: 'start' },
    });
  });

  it('an unknown code on a failed record reads as internal', () => {
    const failed = record({ status: 'failed', error: { code: 'weird', message: 'x' } });
    expect(run(waiting, { type: 'submitted', record: failed })).toMatchObject({
      error: { code: 'internal' },
    });
  });

  it('decided without an outcome is an internal failure, not a blank result', () => {
    expect(run(waiting, { type: 'submitted', record: record({ status: 'decided' }) })).toMatchObject({
      screen: 'failed',
      error: { code: 'internal' },
    });
  });

  it('still in progress keeps waiting and remembers that submit has answered', () => {
    const state = run(waiting, { type: 'submitted', record: record({ status: 'in_progress' }) });
    expect(state).toEqual({ ...waiting, submitReturned: true });
  });

  it('a submit error offers to submit again', () => {
    const state = run(waiting, { type: 'submitFailed', recordId: 'rec000001', error: unavailable });
    expect(state).toEqual({
      screen: 'failed',
      error: unavailable,
      retry: { action: 'submit', recordId: 'rec000001' },
    });
    expect(run(state, { type: 'retrySubmit', recordId: 'rec000001' })).toEqual(waiting);
  });
});

describe('flowReducer: errors and stale answers', () => {
  it('a failed start offers to start again', () => {
    const state = run(
      initialFlowState,
      { type: 'startRequested' },
      { type: 'startFailed', error: unavailable },
    );
    expect(state).toEqual({ screen: 'failed', error: unavailable, retry: { action: 'start' } });
  });

  it('an image main rejects goes back to the camera with a notice', () => {
    const state = run(
      capture('id_card'),
      { type: 'photoTaken', imageBase64: 'AAAA' },
      { type: 'savePressed' },
      {
        type: 'saveFailed',
        recordId: 'rec000001',
        kind: 'id_card',
        error: { code: 'invalid_image', message: '' },
      },
    );
    expect(state).toEqual({ ...capture('id_card'), notice: { type: 'rejected' } });
  });

  it("a photo main's check refuses goes back to that photo's camera, saying why", () => {
    const rejection = { kind: 'selfie', reason: 'multiple_faces' } as const;
    const state = run(
      capture('selfie'),
      { type: 'photoTaken', imageBase64: 'AAAA' },
      { type: 'savePressed' },
      {
        type: 'saveFailed',
        recordId: 'rec000001',
        kind: 'selfie',
        error: { code: 'photo_rejected', message: '', photo: rejection },
      },
    );
    expect(state).toEqual({
      ...capture('selfie'),
      notice: { type: 'refused', rejection, confirmable: null },
    });
  });

  it('keeps an ID photo main could not find the card in, for staff to confirm; not one that is blurred', () => {
    const refusal = (reason: 'no_card' | 'blurry') =>
      run(
        capture('id_card'),
        { type: 'photoTaken', imageBase64: 'AAAA' },
        { type: 'savePressed' },
        {
          type: 'saveFailed',
          recordId: 'rec000001',
          kind: 'id_card',
          error: { code: 'photo_rejected', message: '', photo: { kind: 'id_card', reason } },
        },
      );
    expect(refusal('no_card')).toMatchObject({ screen: 'capture', notice: { confirmable: 'AAAA' } });
    expect(refusal('blurry')).toMatchObject({ screen: 'capture', notice: { confirmable: null } });
  });

  it('another save error offers to retake that photo', () => {
    const state = run(
      capture('selfie'),
      { type: 'photoTaken', imageBase64: 'AAAA' },
      { type: 'savePressed' },
      {
        type: 'saveFailed',
        recordId: 'rec000001',
        kind: 'selfie',
        error: { code: 'storage', message: 'disk' },
      },
    );
    expect(state).toMatchObject({
      screen: 'failed',
      retry: { action: 'capture', recordId: 'rec000001', kind: 'selfie', submitAfter: false },
    });
    expect(
      run(state, { type: 'retryCapture', recordId: 'rec000001', kind: 'selfie', submitAfter: false }),
    ).toEqual(capture('selfie'));
  });

  it('drops answers that arrive after the user went home', () => {
    expect(run(initialFlowState, { type: 'started', record: record() })).toBe(initialFlowState);
    expect(run(initialFlowState, { type: 'submitted', record: record({ status: 'decided', outcome }) })).toBe(
      initialFlowState,
    );
    expect(run(initialFlowState, { type: 'saved', recordId: 'rec000001', kind: 'selfie' })).toBe(
      initialFlowState,
    );
  });

  it('drops a submit answer for another record', () => {
    const other = record({ id: 'other00001', status: 'decided', outcome });
    expect(run(waiting, { type: 'submitted', record: other })).toBe(waiting);
  });
});
