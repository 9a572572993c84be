// The desk's session: read once, then followed through main's session.changed events (never polled), with
// the sign-in verbs. A session that ends (sign-out, idle sign-out) tells the desk, which forgets the customer.
import { useCallback, useEffect, useEffectEvent, useReducer } from 'react';
import type { LoketApi } from '../../common/contract';
import type { Envelope } from '../../common/errors';
import type { SessionInfo, SignInResult } from '../../common/session';
import { deskSessionReducer, initialDeskSession, type DeskSessionState } from './sessionState';

export interface DeskSession extends DeskSessionState {
  signIn: (name: string, password: string) => Promise<Envelope<SignInResult>>;
  signInTraining: () => Promise<Envelope<SessionInfo>>;
  createFirstAdmin: (name: string, password: string) => Promise<Envelope<SessionInfo>>;
  signOut: () => void;
}

export function useDeskSession(bridge: LoketApi, onEnded: () => void): DeskSession {
  const [state, dispatch] = useReducer(deskSessionReducer, initialDeskSession);
  const ended = useEffectEvent(onEnded);

  useEffect(() => {
    let active = true;
    const unsubscribe = bridge.onSessionChanged((change) => {
      dispatch({ type: 'changed', change });
      if (change.session.status !== 'signed_in') ended();
    });
    void bridge.getSession({}).then((answer) => {
      if (!active) return;
      dispatch(
        answer.ok ? { type: 'loaded', session: answer.value } : { type: 'loadFailed', error: answer.error },
      );
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [bridge]);

  const signIn = useCallback(
    async (name: string, password: string) => {
      const answer = await bridge.signIn({ name, password });
      if (answer.ok && answer.value.outcome === 'signed_in') {
        dispatch({ type: 'answered', session: answer.value.session });
      }
      return answer;
    },
    [bridge],
  );
  const answered = useCallback(async (answer: Promise<Envelope<SessionInfo>>) => {
    const settled = await answer;
    if (settled.ok) dispatch({ type: 'answered', session: settled.value });
    return settled;
  }, []);
  const signInTraining = useCallback(() => answered(bridge.signInTraining({})), [answered, bridge]);
  const createFirstAdmin = useCallback(
    (name: string, password: string) => answered(bridge.createFirstAdmin({ name, password })),
    [answered, bridge],
  );
  const signOut = useCallback(() => {
    // Main also sends session.changed; acting on the answer keeps the screen from waiting for the socket.
    void bridge.signOut({}).then((answer) => {
      if (!answer.ok) return;
      dispatch({ type: 'changed', change: { session: answer.value, reason: 'signed_out' } });
      onEnded();
    });
  }, [bridge, onEnded]);

  return { ...state, signIn, signInTraining, createFirstAdmin, signOut };
}
