// How staff reach the console, for the desk and the self-service kiosk: a Console button in the top bar
// while main says a supervisor or admin is signed in (at an assisted desk, through the desk's sign-in); on a
// self-service kiosk, which has no desk, a small "Staff sign-in" button that asks for a supervisor's name and
// password first. The console stays open only while the supervisor who opened it is signed in: a sign-out or
// an idle sign-out closes it and the customer's screen is back. On a self-service kiosk, closing the console
// also signs the supervisor out: the kiosk is left to customers, with no Console button on it. Main refuses
// every console channel to anyone else, whatever shows.
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import type { LoketApi } from '../../common/contract';
import type { Mode } from '../../common/record';
import { ConsoleButton, StaffEntryButton } from './ConsoleButton';
import { StaffSignIn } from './StaffSignIn';
import { consoleStaff, useStaffSession } from './useStaffSession';

// The console and its chart library load only when a supervisor opens it.
const Console = lazy(() => import('./Console'));

export interface ConsoleEntry {
  /** For the top bar; null when there is no way in from this screen. */
  button: ReactNode;
  /** What the main area shows instead of the customer's screens, or null. */
  screen: ReactNode;
}

export function useConsoleEntry(bridge: LoketApi, mode: Mode | undefined): ConsoleEntry {
  const staff = consoleStaff(useStaffSession(bridge));
  const [openedBy, setOpenedBy] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const cancel = useCallback(() => setSigningIn(false), []);
  // A supervisor who signed in through the staff entry goes straight to the console (React's pattern for
  // state that follows another: set during render, once, when the session arrives).
  if (signingIn && staff !== null) {
    setSigningIn(false);
    setOpenedBy(staff.id);
  }
  const open = staff !== null && openedBy === staff.id;
  const close = () => {
    setOpenedBy(null);
    if (mode === 'self_service') void bridge.signOut({});
  };
  if (staff !== null) {
    return {
      button: <ConsoleButton open={open} onToggle={() => (open ? close() : setOpenedBy(staff.id))} />,
      screen: open ? (
        <Suspense fallback={null}>
          <Console bridge={bridge} staff={staff} onClose={close} />
        </Suspense>
      ) : null,
    };
  }
  if (mode !== 'self_service') return { button: null, screen: null };
  return {
    button: <StaffEntryButton onClick={() => setSigningIn(true)} />,
    screen: signingIn ? <StaffSignIn bridge={bridge} onCancel={cancel} /> : null,
  };
}
