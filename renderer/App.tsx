// The kiosk shell: header, the current screen, and the sync bar. The language is chosen per customer
// session; ending the session (Done, Back to home) returns to the kiosk's default language.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LoketApi } from '../common/contract';
import { captureSettings } from './capture/captureSettings';
import { useConsoleEntry } from './console/useConsoleEntry';
import { SyncStatusBar } from './components/SyncStatusBar';
import { TopBar } from './components/TopBar';
import { useAppInfo } from './components/useAppInfo';
import { useSyncStatus } from './components/useSyncStatus';
import { useFlow } from './flow/useFlow';
import type { I18n } from './i18n/context';
import { I18nContext } from './i18n/context';
import type { Language } from './i18n/languages';
import { catalogues, DEFAULT_LANGUAGE } from './i18n/languages';
import { FlowScreen } from './screens/FlowScreen';

export function App({ bridge }: { bridge: LoketApi }) {
  const appInfo = useAppInfo(bridge);
  const syncStatus = useSyncStatus(bridge);
  const { state, commands } = useFlow(bridge);
  const consoleEntry = useConsoleEntry(bridge, appInfo?.mode);
  // null = the kiosk's default, which may only be known once getAppInfo answers.
  const [chosen, setChosen] = useState<Language | null>(null);
  const language = chosen ?? appInfo?.defaultLanguage ?? DEFAULT_LANGUAGE;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const i18n = useMemo<I18n>(
    () => ({ language, t: catalogues[language], setLanguage: setChosen }),
    [language],
  );

  // One object per app.info answer: the guidance Worker restarts when its settings change identity.
  const capture = useMemo(() => (appInfo ? captureSettings(appInfo) : null), [appInfo]);

  const { reset } = commands;
  const endSession = useCallback(
    (discardRecordId?: string) => {
      setChosen(null);
      reset(discardRecordId);
    },
    [reset],
  );

  return (
    <I18nContext value={i18n}>
      <div className="app">
        <TopBar appInfo={appInfo} staffEntry={consoleEntry.button} />
        <main className="screen">
          {consoleEntry.screen ?? (
            <FlowScreen state={state} commands={commands} capture={capture} onEnd={endSession} />
          )}
        </main>
        <SyncStatusBar status={syncStatus} />
      </div>
    </I18nContext>
  );
}
