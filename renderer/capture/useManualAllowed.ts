// "Take photo" by hand: always at a staffed desk; at an unattended kiosk only after the guidance has had its
// chance (a setting), so customers let auto-capture take a good photo instead of pressing too early. The
// wait starts again for every step (`stepKey`).
import { useEffect, useState } from 'react';

export function useManualAllowed(manualAfterMs: number | null, stepKey: string): boolean {
  const [waited, setWaited] = useState<string | null>(null);
  useEffect(() => {
    if (manualAfterMs === null) return;
    const timer = setTimeout(() => setWaited(stepKey), manualAfterMs);
    return () => clearTimeout(timer);
  }, [manualAfterMs, stepKey]);
  return manualAfterMs === null || waited === stepKey;
}
