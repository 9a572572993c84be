// The header on every screen: who we are, which provider is in use, whether this is training, language,
// and, for staff only, a way into their screens (the supervisor's console).
import type { ReactNode } from 'react';
import type { AppInfo } from '../../common/contract';
import { format } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { LanguageSwitch } from './LanguageSwitch';

export function TopBar({ appInfo, staffEntry }: { appInfo: AppInfo | null; staffEntry?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="top-bar">
      <span className="brand">{t.app.name}</span>
      {appInfo && (
        <span className="provider">{format(t.app.provider, { name: t.providers[appInfo.provider] })}</span>
      )}
      {appInfo?.training && <span className="badge badge-training">{t.app.training}</span>}
      <LanguageSwitch />
      {staffEntry}
    </header>
  );
}
