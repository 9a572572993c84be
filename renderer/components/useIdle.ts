// True once nobody has touched the screen or pressed a key for `timeoutMs` while `active`; the next touch
// or key makes it false again. The unattended kiosk shows its "are you still there?" countdown on it.
import { useEffect, useState } from 'react';

/**
 * A completed tap (click), not its pointerdown: a tap that dismisses the countdown must not go on to press
 * whatever was under the countdown once it is gone. Scrolling (reading the consent) counts too; scroll does
 * not bubble, but a capturing listener on the window still hears it.
 */
const IDLE_EVENTS = ['click', 'keydown', 'scroll', 'wheel'] as const;

export function useIdle(timeoutMs: number, active: boolean): boolean {
  const [idle, setIdle] = useState(false);
  // Leaving an active stretch forgets its idleness, so the next one starts with a full wait.
  if (!active && idle) setIdle(false);
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => setIdle(true), timeoutMs);
    const onActivity = () => {
      clearTimeout(timer);
      setIdle(false);
      timer = setTimeout(() => setIdle(true), timeoutMs);
    };
    for (const type of IDLE_EVENTS) window.addEventListener(type, onActivity, true);
    return () => {
      clearTimeout(timer);
      for (const type of IDLE_EVENTS) window.removeEventListener(type, onActivity, true);
    };
  }, [timeoutMs, active]);
  return active && idle;
}
