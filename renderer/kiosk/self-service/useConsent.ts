// The consent text in the customer's language, from main (consent.get): main fills in the retention days and
// the provider from the kiosk's settings, and says which version the customer is accepting.
import { useEffect, useState } from 'react';
import type { ConsentDocument } from '../../../common/consent';
import type { LoketApi } from '../../../common/contract';
import type { BridgeError } from '../../../common/errors';
import type { Language } from '../../i18n/languages';

export type ConsentLoad =
  | { status: 'loading' }
  | { status: 'ready'; consent: ConsentDocument }
  | { status: 'failed'; error: BridgeError };

export function useConsent(bridge: LoketApi, language: Language): ConsentLoad {
  const [loaded, setLoaded] = useState<{ language: Language; load: ConsentLoad } | null>(null);
  useEffect(() => {
    let active = true;
    void bridge.getConsent({ language }).then((answer) => {
      if (!active) return;
      setLoaded({
        language,
        load: answer.ok
          ? { status: 'ready', consent: answer.value }
          : { status: 'failed', error: answer.error },
      });
    });
    return () => {
      active = false;
    };
  }, [bridge, language]);
  // A switch of language shows "loading" until the new text is in, never the old language's text.
  return loaded !== null && loaded.language === language ? loaded.load : { status: 'loading' };
}
