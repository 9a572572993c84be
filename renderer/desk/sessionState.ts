// Who is at the desk, as the screen follows it: the first read of session.get, then every session.changed
// main pushes (sign-in, sign-out, idle sign-out). Pure, so the order of answers and events is unit-tested.
import type { BridgeError } from '../../common/errors';
import type { SessionChanged, SessionInfo } from '../../common/session';

/** Why the last operator is gone, said on the sign-in screen. */
export type SessionEnded = 'idle_sign_out' | 'signed_out';

export interface DeskSessionState {
  session: SessionInfo | null;
  ended: SessionEnded | null;
  /** session.get failed before anything was known. */
  error: BridgeError | null;
}

export type DeskSessionAction =
  | { type: 'loaded'; session: SessionInfo }
  | { type: 'loadFailed'; error: BridgeError }
  /** A sign-in, sign-out or first admin answered on this screen. */
  | { type: 'answered'; session: SessionInfo }
  | { type: 'changed'; change: SessionChanged };

export const initialDeskSession: DeskSessionState = { session: null, ended: null, error: null };

export function deskSessionReducer(state: DeskSessionState, action: DeskSessionAction): DeskSessionState {
  switch (action.type) {
    case 'loaded':
      // An event that arrived first is newer than the read.
      return state.session === null ? { session: action.session, ended: null, error: null } : state;
    case 'loadFailed':
      return state.session === null ? { ...state, error: action.error } : state;
    case 'answered':
      return {
        session: action.session,
        ended: action.session.status === 'signed_in' ? null : state.ended,
        error: null,
      };
    case 'changed': {
      const { session, reason } = action.change;
      const ended = reason === 'idle_sign_out' || reason === 'signed_out' ? reason : null;
      return { session, ended: session.status === 'signed_in' ? null : (ended ?? state.ended), error: null };
    }
  }
}
