// Who is signed in at this kiosk, as main says: one read at start, then every session.changed event (a
// sign-in, a sign-out, an idle sign-out). The console opens only while this says a supervisor or admin.
import { useEffect, useState } from 'react';
import type { LoketApi } from '../../common/contract';
import { roleAtLeast, type Role } from '../../common/roles';
import type { SessionInfo } from '../../common/session';

export function useStaffSession(bridge: LoketApi): SessionInfo | null {
  const [session, setSession] = useState<SessionInfo | null>(null);
  useEffect(() => {
    let active = true;
    let pushed = false; // an event is newer than the initial read, whichever arrives first
    const unsubscribe = bridge.onSessionChanged((change) => {
      pushed = true;
      setSession(change.session);
    });
    void bridge.getSession({}).then((answer) => {
      if (active && answer.ok && !pushed) setSession(answer.value);
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [bridge]);
  return session;
}

/** The signed-in supervisor or admin, or null (nobody, an operator, the training sign-in). */
export function consoleStaff(session: SessionInfo | null): { id: string; name: string; role: Role } | null {
  if (session?.status !== 'signed_in' || session.operator.kind !== 'account') return null;
  const { id, name, role } = session.operator;
  return roleAtLeast(role, 'supervisor') ? { id, name, role } : null;
}
