// The kiosk's identity (provider, training, default language), read once at start.
import { useEffect, useState } from 'react';
import type { AppInfo, LoketApi } from '../../common/contract';

export function useAppInfo(bridge: LoketApi): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let active = true;
    void bridge.getAppInfo({}).then((answer) => {
      if (active && answer.ok) setInfo(answer.value);
    });
    return () => {
      active = false;
    };
  }, [bridge]);
  return info;
}
