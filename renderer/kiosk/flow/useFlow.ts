// Runs the flow's side effects (bridge calls) around the pure reducer. Every command captures the
// session number when it starts; "Done"/"Back to home" start a new session, so an answer that arrives
// afterwards is dropped instead of acting on the next customer's screen.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { LoketApi } from '../../../common/contract';
import type { ConsentAcceptance } from '../../../common/consent';
import type { ImageKind, Mode, RecordStatus } from '../../../common/record';
import { flowReducer } from './reducer';
import type { FlowState, Retry } from './state';
import { initialFlowState } from './state';

export interface FlowCommands {
  /** A new verification; at a self-service kiosk with the consent the customer accepted. */
  start: (consent?: ConsentAcceptance) => void;
  photoTaken: (photo: { imageBase64: string; cardCrop: boolean }) => void;
  retake: () => void;
  savePhoto: (photo: {
    recordId: string;
    kind: ImageKind;
    imageBase64: string;
    cardCrop: boolean;
    submitAfter: boolean;
    /** Staff confirm the card is in an ID photo main could not find it in (assisted desks). */
    staffConfirmed?: boolean;
  }) => void;
  /** Staff confirm the card is in the refused ID photo: it is shown again and saved as it is. */
  confirmCard: (photo: { recordId: string; imageBase64: string; submitAfter: boolean }) => void;
  retry: (retry: Retry) => void;
  /** Back to Home; `discardRecordId` is a record abandoned before submission, which main may delete. */
  reset: (discardRecordId?: string) => void;
}

/** Statuses after which the record will not change without a new submission. */
const SETTLED: readonly RecordStatus[] = ['decided', 'retake', 'failed', 'pending'];

export function useFlow(bridge: LoketApi, mode: Mode): { state: FlowState; commands: FlowCommands } {
  const [state, dispatch] = useReducer(flowReducer, initialFlowState);
  const session = useRef(0);
  const busySession = useRef(-1); // the session with a bridge call in flight, against double taps
  // The customer's consent holds for their session: "Try again" after a failed start sends it again.
  const consent = useRef<ConsentAcceptance | undefined>(undefined);

  useEffect(() => bridge.onProgress((progress) => dispatch({ type: 'progress', progress })), [bridge]);

  const submit = useCallback(
    async (recordId: string, token: number) => {
      const answer = await bridge.submitVerification({ recordId });
      if (token !== session.current) return;
      dispatch(
        answer.ok
          ? { type: 'submitted', record: answer.value }
          : { type: 'submitFailed', recordId, error: answer.error },
      );
    },
    [bridge],
  );

  /** Runs one bridge exchange unless another is already running in this session. */
  const exclusive = useCallback((work: (token: number) => Promise<void>) => {
    const token = session.current;
    if (busySession.current === token) return;
    busySession.current = token;
    void work(token).finally(() => {
      if (busySession.current === token) busySession.current = -1;
    });
  }, []);

  const start = useCallback(
    (accepted?: ConsentAcceptance) => {
      if (accepted !== undefined) consent.current = accepted;
      exclusive(async (token) => {
        dispatch({ type: 'startRequested' });
        const request = consent.current === undefined ? { mode } : { mode, consent: consent.current };
        const answer = await bridge.startVerification(request);
        if (token !== session.current) return;
        dispatch(
          answer.ok
            ? { type: 'started', record: answer.value }
            : { type: 'startFailed', error: answer.error },
        );
      });
    },
    [bridge, exclusive, mode],
  );

  const savePhoto = useCallback<FlowCommands['savePhoto']>(
    ({ recordId, kind, imageBase64, cardCrop, submitAfter, staffConfirmed = false }) => {
      exclusive(async (token) => {
        dispatch({ type: 'savePressed' });
        // cardCrop: the Worker found the card and this is its straightened crop (main checks its shape);
        // otherwise main looks for the card in the whole frame and crops it itself.
        const answer = await bridge.addImage({
          recordId,
          kind,
          imageBase64,
          cardCrop,
          ...(staffConfirmed ? { staffConfirmed } : {}),
        });
        if (token !== session.current) return;
        if (!answer.ok) {
          dispatch({ type: 'saveFailed', recordId, kind, error: answer.error });
          return;
        }
        dispatch({ type: 'saved', recordId, kind });
        if (kind === 'selfie' || submitAfter) await submit(recordId, token);
      });
    },
    [bridge, exclusive, submit],
  );

  const confirmCard = useCallback<FlowCommands['confirmCard']>(
    ({ recordId, imageBase64, submitAfter }) => {
      dispatch({ type: 'photoTaken', imageBase64, cardCrop: false });
      savePhoto({
        recordId,
        kind: 'id_card',
        imageBase64,
        cardCrop: false,
        submitAfter,
        staffConfirmed: true,
      });
    },
    [savePhoto],
  );

  const retry = useCallback(
    (what: Retry) => {
      switch (what.action) {
        case 'start':
          dispatch({ type: 'reset' });
          start();
          return;
        case 'capture':
          dispatch({ type: 'retryCapture', ...what });
          return;
        case 'submit':
          dispatch({ type: 'retrySubmit', recordId: what.recordId });
          exclusive((token) => submit(what.recordId, token));
          return;
      }
    },
    [exclusive, start, submit],
  );

  const reset = useCallback(
    (discardRecordId?: string) => {
      session.current += 1;
      consent.current = undefined;
      dispatch({ type: 'reset' });
      // Best effort: an abandoned record holds a customer's photos, so ask main to drop it.
      if (discardRecordId !== undefined) void bridge.discardVerification({ recordId: discardRecordId });
    },
    [bridge],
  );

  const photoTaken = useCallback<FlowCommands['photoTaken']>(
    (photo) => dispatch({ type: 'photoTaken', ...photo }),
    [],
  );
  const retake = useCallback(() => dispatch({ type: 'retakePressed' }), []);

  // submit answered "in progress": fetch the record once, when an event says it has settled (no polling).
  const waitingId = state.screen === 'waiting' && state.submitReturned ? state.recordId : null;
  const settled =
    state.screen === 'waiting' && state.progress !== null && SETTLED.includes(state.progress.status);
  useEffect(() => {
    if (waitingId === null || !settled) return;
    const token = session.current;
    void bridge.getVerification({ recordId: waitingId }).then((answer) => {
      if (token !== session.current) return;
      dispatch(
        answer.ok
          ? { type: 'submitted', record: answer.value }
          : { type: 'submitFailed', recordId: waitingId, error: answer.error },
      );
    });
  }, [bridge, waitingId, settled]);

  return { state, commands: { start, photoTaken, retake, savePhoto, confirmCard, retry, reset } };
}
