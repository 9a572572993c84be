// The header on every screen: who we are, which provider is in use, whether this is training, what the room
// adds (the desk's signed-in operator), and the language.
import type { ReactNode } from 'react';
import type { AppInfo } from '../../common/contract';
import { format } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  appInfo: AppInfo | null;
  /** False where the screen itself offers the languages, larger (self-service attract). */
  languages?: boolean;
  children?: ReactNode;
}

export function TopBar({ appInfo, languages = true, children }: Props) {
  const { t } = useI18n();
  return (
    <header className="top-bar">
      <span className="brand">{t.app.name}</span>
      {appInfo && (
        <span className="provider">{format(t.app.provider, { name: t.providers[appInfo.provider] })}</span>
      )}
      {appInfo?.training && <span className="badge badge-training">{t.app.training}</span>}
      <div className="top-bar-end">
        {children}
        {languages && <LanguageSwitch />}
      </div>
    </header>
  );
}
