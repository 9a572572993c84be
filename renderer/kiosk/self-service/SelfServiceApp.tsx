// The unattended kiosk: attract → consent → capture → waiting → result, then attract again. Nobody signs in;
// every touch is reported to main (its own backstop forgets a customer whose page stopped). When main wipes a
// customer's session by itself, the screen follows it back to the start. Staff reach the console from a small
// "Staff sign-in" on the attract screen only (never in the middle of a customer's visit), in staff words.
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { AppInfo, LoketApi } from '../../../common/contract';
import { useConsoleEntry } from '../../console/useConsoleEntry';
import { Shell } from '../../components/Shell';
import { useActivityReport } from '../../components/useActivityReport';
import { forCustomers } from '../../i18n/audience';
import { I18nContext, useI18n } from '../../i18n/context';
import { AttractScreen } from './AttractScreen';
import { CustomerVisit } from './CustomerVisit';

interface Props {
  bridge: LoketApi;
  appInfo: AppInfo;
  /** Back to the kiosk's default language, for the next customer. */
  resetLanguage: () => void;
}

export function SelfServiceApp({ bridge, appInfo, resetLanguage }: Props) {
  const [visit, setVisit] = useState(0);
  const [started, setStarted] = useState(false);
  useActivityReport(bridge, appInfo.selfService.idleSeconds * 1000, true);
  const consoleEntry = useConsoleEntry(bridge, appInfo.mode);

  const end = () => {
    resetLanguage();
    setStarted(false);
    setVisit((n) => n + 1);
  };
  const wipedByMain = useEffectEvent(end);
  useEffect(
    () =>
      bridge.onSessionChanged((change) => {
        if (change.reason === 'customer_session_wiped') wipedByMain();
      }),
    [bridge],
  );

  const i18n = useI18n();
  const customerWords = useMemo(() => ({ ...i18n, t: forCustomers(i18n.t) }), [i18n]);
  if (consoleEntry.screen !== null) {
    return (
      <Shell appInfo={appInfo} topBarEnd={consoleEntry.button}>
        {consoleEntry.screen}
      </Shell>
    );
  }
  return (
    <I18nContext value={customerWords}>
      <Shell appInfo={appInfo} languages={started} topBarEnd={started ? null : consoleEntry.button}>
        {started ? (
          <CustomerVisit key={visit} bridge={bridge} appInfo={appInfo} onEnd={end} />
        ) : (
          <AttractScreen onStart={() => setStarted(true)} />
        )}
      </Shell>
    </I18nContext>
  );
}
