// The records list's filters: the day and, each optional, decision, status, who served, kind of kiosk and
// service; training records only when asked for. Every change asks main again (from page 1).
import type { RecordFilter, StaffMember } from '../../common/console';
import { PROVIDER_NAMES } from '../../common/providers';
import { DECISIONS, MODES, RECORD_STATUSES } from '../../common/record';
import { useI18n } from '../i18n/context';
import { localDay } from './format';
import { TrainingCheck } from './ToolbarControls';

interface Props {
  filter: RecordFilter;
  staff: readonly StaffMember[];
  onChange: (filter: RecordFilter) => void;
}

type Choice = 'decision' | 'status' | 'operator' | 'mode' | 'provider';

export function RecordFilters({ filter, staff, onChange }: Props) {
  const { t } = useI18n();
  const r = t.console.records;
  const set = (key: Choice, value: string) => {
    // '' is "any": the key is left out, since main's schema takes no empty filter.
    const rest = Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key));
    onChange((value === '' ? rest : { ...rest, [key]: value }) as RecordFilter);
  };
  const select = (key: Choice, label: string, options: ReadonlyArray<readonly [string, string]>) => (
    <label>
      {label}
      <select value={filter[key] ?? ''} onChange={(event) => set(key, event.target.value)}>
        <option value="">{r.any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="console-filters">
      <legend>{r.filters}</legend>
      <label>
        {t.console.day.picker}
        <input
          type="date"
          value={filter.day}
          max={localDay()}
          required
          onChange={(event) => event.target.value && onChange({ ...filter, day: event.target.value })}
        />
      </label>
      {select(
        'decision',
        r.decision,
        DECISIONS.map((d) => [d, t.decision[d]] as const),
      )}
      {select(
        'status',
        r.status,
        RECORD_STATUSES.map((s) => [s, t.console.statuses[s]] as const),
      )}
      {select('operator', r.operator, [
        ...staff.map((member) => [member.id, member.name] as const),
        ['training', t.console.operators.training] as const,
        ['self_service', t.console.operators.self_service] as const,
      ])}
      {select(
        'mode',
        r.mode,
        MODES.map((m) => [m, t.console.modes[m]] as const),
      )}
      {select(
        'provider',
        r.provider,
        PROVIDER_NAMES.map((p) => [p, t.providers[p]] as const),
      )}
      <TrainingCheck
        checked={filter.includeTraining ?? false}
        onChange={(includeTraining) => onChange({ ...filter, includeTraining })}
      />
    </fieldset>
  );
}
