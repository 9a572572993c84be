// The top bar's way into the console: shown only while main says a supervisor or admin is signed in, so a
// customer (or an operator) never sees it. Main refuses every console channel to anyone else anyway.
import { useI18n } from '../i18n/context';

export function ConsoleButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-small" aria-pressed={open} onClick={onToggle}>
      {t.console.open}
    </button>
  );
}
