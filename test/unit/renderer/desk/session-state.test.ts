import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../../common/session';
import {
  deskSessionReducer,
  initialDeskSession,
  type DeskSessionAction,
  type DeskSessionState,
} from '../../../../renderer/desk/sessionState';

const run = (state: DeskSessionState, ...actions: DeskSessionAction[]) =>
  actions.reduce(deskSessionReducer, state);

const signInRequired: SessionInfo = { status: 'sign_in_required', trainingAvailable: true };
const siti: SessionInfo = {
  status: 'signed_in',
  operator: { kind: 'account', id: 'acc1', name: 'Siti Rahma', role: 'operator' },
  signedInAt: '2026-01-05T02:00:00.000Z',
};

describe('the desk session as the screen follows it', () => {
  it('starts from the first read', () => {
    expect(run(initialDeskSession, { type: 'loaded', session: signInRequired })).toEqual({
      session: signInRequired,
      ended: null,
      error: null,
    });
  });

  it('keeps an event that came before the read, which is older', () => {
    const state = run(
      initialDeskSession,
      { type: 'changed', change: { session: siti, reason: 'signed_in' } },
      { type: 'loaded', session: signInRequired },
    );
    expect(state.session).toEqual(siti);
  });

  it('says why the operator is gone after an idle sign-out, until the next sign-in', () => {
    let state = run(
      initialDeskSession,
      { type: 'loaded', session: siti },
      { type: 'changed', change: { session: signInRequired, reason: 'idle_sign_out' } },
    );
    expect(state).toMatchObject({ session: signInRequired, ended: 'idle_sign_out' });
    state = run(state, { type: 'answered', session: siti });
    expect(state).toMatchObject({ session: siti, ended: null });
  });

  it('tells a sign-out by the button from an idle one', () => {
    const state = run(
      initialDeskSession,
      { type: 'loaded', session: siti },
      { type: 'changed', change: { session: signInRequired, reason: 'signed_out' } },
    );
    expect(state.ended).toBe('signed_out');
  });

  it('shows a failed first read, and forgets it once anything is known', () => {
    const error = { code: 'forbidden', message: 'no key' } as const;
    let state = run(initialDeskSession, { type: 'loadFailed', error });
    expect(state).toMatchObject({ session: null, error });
    state = run(state, { type: 'changed', change: { session: signInRequired, reason: 'signed_out' } });
    expect(state.error).toBeNull();
  });
});
