// A countdown that starts when the component using it mounts (remount it to start again). It counts from a
// deadline rather than ticks, so a busy page that fires its timers late still ends on time.
import { useEffect, useEffectEvent, useState } from 'react';

/** Whole seconds left until `deadline`, never below zero. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** Seconds left of `seconds`; `onZero` runs once when it reaches zero. */
export function useCountdown(seconds: number, onZero: () => void): number {
  const [left, setLeft] = useState(seconds);
  const reachedZero = useEffectEvent(onZero);
  useEffect(() => {
    const deadline = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const next = secondsLeft(deadline, Date.now());
      setLeft(next);
      if (next === 0) {
        clearInterval(timer);
        reachedZero();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [seconds]);
  return left;
}
