// The flow's transitions, pure so every path is unit-tested without a DOM. Answers that arrive for a
// screen the user has already left (a different record, or after "Back to home") are ignored here, which
// is what keeps a slow bridge answer from yanking the kiosk back into an abandoned session.
import { CARD_NOT_FOUND } from '../../../common/capture/precheck';
import type { FlowAction, FlowState } from './state';
import { initialFlowState } from './state';
import { routeRecord } from './routeRecord';

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'startRequested':
      return state.screen === 'home' && !state.starting ? { screen: 'home', starting: true } : state;

    case 'started':
      if (state.screen !== 'home' || !state.starting) return state;
      return {
        screen: 'capture',
        recordId: action.record.id,
        kind: 'id_card',
        notice: null,
        submitAfter: false,
      };

    case 'startFailed':
      if (state.screen !== 'home' || !state.starting) return state;
      return { screen: 'failed', error: action.error, retry: { action: 'start' } };

    case 'photoTaken':
      if (state.screen !== 'capture') return state;
      return {
        screen: 'preview',
        recordId: state.recordId,
        kind: state.kind,
        imageBase64: action.imageBase64,
        cardCrop: action.cardCrop ?? false,
        submitAfter: state.submitAfter,
        saving: false,
      };

    case 'retakePressed':
      if (state.screen !== 'preview' || state.saving) return state;
      return {
        screen: 'capture',
        recordId: state.recordId,
        kind: state.kind,
        notice: null,
        submitAfter: state.submitAfter,
      };

    case 'savePressed':
      return state.screen === 'preview' && !state.saving ? { ...state, saving: true } : state;

    case 'saved':
      if (!isSaving(state, action.recordId, action.kind)) return state;
      if (state.kind === 'id_card' && !state.submitAfter) {
        return {
          screen: 'capture',
          recordId: state.recordId,
          kind: 'selfie',
          notice: null,
          submitAfter: false,
        };
      }
      return waitingFor(state.recordId);

    case 'saveFailed':
      if (!isSaving(state, action.recordId, action.kind)) return state;
      if (action.error.code === 'invalid_image') {
        const { recordId, kind, submitAfter } = state;
        return { screen: 'capture', recordId, kind, notice: { type: 'rejected' }, submitAfter };
      }
      if (action.error.code === 'photo_rejected' && action.error.photo) {
        // Nothing was stored: the same photo again, with what to do differently.
        const { recordId, kind, submitAfter } = state;
        const rejection = action.error.photo;
        const cardNotFound = rejection.kind === 'id_card' && CARD_NOT_FOUND.includes(rejection.reason);
        const notice = {
          type: 'refused',
          rejection,
          confirmable: cardNotFound ? state.imageBase64 : null,
        } as const;
        return { screen: 'capture', recordId, kind, notice, submitAfter };
      }
      return {
        screen: 'failed',
        error: action.error,
        retry: {
          action: 'capture',
          recordId: state.recordId,
          kind: state.kind,
          submitAfter: state.submitAfter,
        },
      };

    case 'progress': {
      if (state.screen !== 'waiting' || state.recordId !== action.progress.recordId) return state;
      const { step, status } = action.progress;
      // The bar never moves backwards, even if events arrive out of order.
      const fraction = Math.max(state.progress?.fraction ?? 0, action.progress.fraction);
      // Main repeats the current customer action on every event while it stands; an event without one
      // (null, or absent as on the final 'done' event) means the customer has nothing left to do.
      const customerAction = action.progress.action ?? null;
      return { ...state, progress: { step, status, fraction }, action: customerAction };
    }

    case 'submitted':
      if (state.screen !== 'waiting' || state.recordId !== action.record.id) return state;
      return routeRecord(action.record, state);

    case 'submitFailed':
      if (state.screen !== 'waiting' || state.recordId !== action.recordId) return state;
      return {
        screen: 'failed',
        error: action.error,
        retry: { action: 'submit', recordId: action.recordId },
      };

    case 'retryCapture':
      if (state.screen !== 'failed') return state;
      return {
        screen: 'capture',
        recordId: action.recordId,
        kind: action.kind,
        notice: null,
        submitAfter: action.submitAfter,
      };

    case 'retrySubmit':
      if (state.screen !== 'failed') return state;
      return waitingFor(action.recordId);

    case 'reset':
      return initialFlowState;
  }
}

function waitingFor(recordId: string): FlowState {
  return { screen: 'waiting', recordId, progress: null, action: null, submitReturned: false };
}

function isSaving(
  state: FlowState,
  recordId: string,
  kind: string,
): state is FlowState & { screen: 'preview' } {
  return state.screen === 'preview' && state.saving && state.recordId === recordId && state.kind === kind;
}
