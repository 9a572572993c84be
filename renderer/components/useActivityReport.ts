// Reports touches, clicks and keys to main (session.activity), throttled. Listened for on the window in the
// capture phase, so a control that stops propagation still counts as someone being there.
import { useEffect } from 'react';
import type { LoketApi } from '../../common/contract';
import { activityIntervalMs, createThrottle } from './throttle';

export const ACTIVITY_EVENTS = ['pointerdown', 'keydown'] as const;

export function useActivityReport(bridge: LoketApi, idleMs: number, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const due = createThrottle(activityIntervalMs(idleMs), () => Date.now());
    const onActivity = () => {
      if (due()) void bridge.reportActivity({});
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, true);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, true);
    };
  }, [bridge, idleMs, enabled]);
}
