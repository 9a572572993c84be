// One bridge read for a screen: asked again whenever its key changes (a day, a filter, a page), an answer
// for an older key dropped if a newer one was asked meanwhile. While a new answer is on its way the last
// good value stays on screen. `reload` asks again for the same key.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { BridgeError, Envelope } from '../../common/errors';

export type Query<T> =
  | { state: 'loading'; value: T | null }
  | { state: 'ready'; value: T }
  | { state: 'failed'; error: BridgeError; value: T | null };

export function useBridgeQuery<T>(
  key: string,
  ask: () => Promise<Envelope<T>>,
): { query: Query<T>; reload: () => void } {
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<{ token: string; envelope: Envelope<T> } | null>(null);
  const [lastValue, setLastValue] = useState<T | null>(null);
  const token = `${round}|${key}`;
  const askNow = useEffectEvent(ask);
  useEffect(() => {
    let current = true;
    void askNow().then((envelope) => {
      if (!current) return;
      setAnswer({ token, envelope });
      if (envelope.ok) setLastValue(envelope.value);
    });
    return () => {
      current = false;
    };
  }, [token]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const envelope = answer?.token === token ? answer.envelope : null;
  const query: Query<T> =
    envelope === null
      ? { state: 'loading', value: lastValue }
      : envelope.ok
        ? { state: 'ready', value: envelope.value }
        : { state: 'failed', error: envelope.error, value: lastValue };
  return { query, reload };
}
