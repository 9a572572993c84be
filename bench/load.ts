// The machine's 1-minute load average, for rows whose timings depend on it (2 cores shared with others).
import { loadavg } from 'node:os';

export const loadNow = (): string => (loadavg()[0] ?? 0).toFixed(1);

/** Runs `fn` and says what the load was before and after, e.g. "load 3.1→4.2". */
export async function underLoad<T>(fn: () => Promise<T>): Promise<{ value: T; load: string }> {
  const before = loadNow();
  const value = await fn();
  return { value, load: `load ${before}→${loadNow()}` };
}
