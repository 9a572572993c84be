// Always visible: how many verifications wait to be sent, whether the provider answers, and when the
// last sync succeeded, so staff can tell a customer "saved, will be checked" with confidence.
import type { SyncStatus } from '../../common/contract';
import { format, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { LOCALES } from '../i18n/languages';

function reachability(reachable: boolean | null): 'reachable' | 'unreachable' | 'unknown' {
  if (reachable === null) return 'unknown';
  return reachable ? 'reachable' : 'unreachable';
}

export function SyncStatusBar({ status }: { status: SyncStatus | null }) {
  const { t, language } = useI18n();
  if (status === null) {
    return (
      <footer className="sync-bar">
        <div className="sync-bar-status" role="status" aria-label={t.sync.label}>
          <span>{t.sync.loading}</span>
        </div>
      </footer>
    );
  }
  const link = reachability(status.reachable);
  const lastSync = status.lastSyncAt === null ? null : formatDateTime(status.lastSyncAt, LOCALES[language]);
  return (
    // A footer (the page's contentinfo) cannot itself be a status; the live region is inside it.
    <footer className="sync-bar">
      <div className="sync-bar-status" role="status" aria-label={t.sync.label}>
        <span className={`sync-link sync-${link}`}>{t.sync[link]}</span>
        <span>{format(t.sync.pending, { count: status.pending })}</span>
        {status.inProgress > 0 && <span>{format(t.sync.inProgress, { count: status.inProgress })}</span>}
        <span>{lastSync === null ? t.sync.never : format(t.sync.lastSync, { time: lastSync })}</span>
      </div>
    </footer>
  );
}
