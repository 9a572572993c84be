// The sync status: one read at start, then pushed by main (`onSyncStatus`); never polled.
import { useEffect, useState } from 'react';
import type { LoketApi, SyncStatus } from '../../common/contract';

export function useSyncStatus(bridge: LoketApi): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let active = true;
    let pushed = false; // an event is newer than the initial read, whichever arrives first
    const unsubscribe = bridge.onSyncStatus((next) => {
      pushed = true;
      setStatus(next);
    });
    void bridge.getSyncStatus({}).then((answer) => {
      if (active && answer.ok && !pushed) setStatus(answer.value);
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [bridge]);
  return status;
}
