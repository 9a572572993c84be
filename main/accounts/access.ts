// Who may use which channel, decided in main whatever the screen shows. Verification channels name the
// operator a record is made by: 'self_service' on an unattended kiosk, the signed-in operator at a desk,
// or, where accounts.requireSignIn has been turned off, nobody (null).
// Review channels always need a signed-in operator at an assisted desk: a correction needs an author.
// Console channels (the supervisor's day, records, review queue, audit and exports) need a signed-in
// supervisor or admin, on either kind of kiosk; the one-tap training sign-in is nobody's account and never
// one.
import { roleAtLeast, SELF_SERVICE_OPERATOR } from '../../common/roles';
import { BridgeFailure } from '../bridge/failure';
import type { Sessions, SignedIn } from './sessions';

export interface AccessPolicy {
  /** The operator column for a record made now; throws sign_in_required when a desk needs someone. */
  recordOperator(): string | null;
  /** The signed-in operator for a review step; throws otherwise. */
  reviewer(): SignedIn;
  /** The signed-in supervisor or admin, for a console channel; throws sign_in_required or supervisor_required. */
  supervisor(): SignedIn;
}

export interface AccessSettings {
  mode: 'assisted' | 'self_service';
  requireSignIn: boolean;
}

export function createAccessPolicy(settings: AccessSettings, sessions: Sessions): AccessPolicy {
  const signInRequired = () =>
    new BridgeFailure('sign_in_required', 'A member of staff must be signed in for this.');
  return {
    recordOperator() {
      if (settings.mode === 'self_service') return SELF_SERVICE_OPERATOR;
      const operator = sessions.current();
      if (operator) {
        // Every use by the signed-in operator counts as activity, besides the renderer's own reports.
        sessions.touch();
        return operator.operatorId;
      }
      if (settings.requireSignIn) throw signInRequired();
      return null;
    },
    reviewer() {
      if (settings.mode === 'self_service') {
        throw new BridgeFailure('invalid_state', 'A self-service kiosk has no desk review.');
      }
      const operator = sessions.current();
      if (!operator) throw signInRequired();
      sessions.touch();
      return operator;
    },
    supervisor() {
      const signedIn = sessions.current();
      if (!signedIn) throw signInRequired();
      const { operator } = signedIn;
      if (operator.kind !== 'account' || !roleAtLeast(operator.role, 'supervisor')) {
        throw new BridgeFailure('supervisor_required', 'Only a supervisor or an admin may use the console.');
      }
      sessions.touch();
      return signedIn;
    },
  };
}
