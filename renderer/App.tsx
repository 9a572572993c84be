// The kiosk: the language of the current session, then one of the two kinds of kiosk the settings name
// (app.info's mode): the assisted desk, or the unattended self-service kiosk. The language is chosen per
// customer session; ending the session returns to the kiosk's default language.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LoketApi } from '../common/contract';
import { Shell } from './components/Shell';
import { useAppInfo } from './components/useAppInfo';
import { DeskApp } from './desk/DeskApp';
import type { I18n } from './i18n/context';
import { I18nContext } from './i18n/context';
import type { Language } from './i18n/languages';
import { catalogues, DEFAULT_LANGUAGE } from './i18n/languages';
import { SelfServiceApp } from './kiosk/self-service/SelfServiceApp';

export function App({ bridge }: { bridge: LoketApi }) {
  const appInfo = useAppInfo(bridge);
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
  const resetLanguage = useCallback(() => setChosen(null), []);

  return (
    <I18nContext value={i18n}>
      {appInfo === null ? (
        <Shell appInfo={null}>{null}</Shell>
      ) : appInfo.mode === 'self_service' ? (
        <SelfServiceApp bridge={bridge} appInfo={appInfo} resetLanguage={resetLanguage} />
      ) : (
        <DeskApp bridge={bridge} appInfo={appInfo} resetLanguage={resetLanguage} />
      )}
    </I18nContext>
  );
}
