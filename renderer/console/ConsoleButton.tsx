// The top bar's ways into the console. Console: shown only while main says a supervisor or admin is signed
// in, so a customer (or an operator) never sees it. Staff sign-in: a self-service kiosk's small, plainly
// labelled entry, which asks for a supervisor's password before anything else. Main refuses every console
// channel to anyone else anyway.
import { useI18n } from '../i18n/context';

export function ConsoleButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-small" aria-pressed={open} onClick={onToggle}>
      {t.console.open}
    </button>
  );
}

export function StaffEntryButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-small staff-entry" onClick={onClick}>
      {t.console.staffEntry}
    </button>
  );
}
