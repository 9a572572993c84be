// The controls the console's toolbars share: the day (a local day, none after today), "Show training
// records" (training is left out by default, and shown apart when asked for) and "Refresh".
import { useI18n } from '../i18n/context';
import { localDay } from './format';

export function DayPicker({
  label,
  day,
  onChange,
}: {
  label: string;
  day: string;
  onChange: (day: string) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="date"
        value={day}
        max={localDay()}
        required
        onChange={(event) => event.target.value && onChange(event.target.value)}
      />
    </label>
  );
}

export function TrainingCheck({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <label className="console-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {t.console.showTraining}
    </label>
  );
}

export function RefreshButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-small" onClick={onClick}>
      {t.console.refresh}
    </button>
  );
}
