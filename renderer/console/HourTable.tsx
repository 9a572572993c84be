// The hourly chart's numbers as a table, for screen readers and for anyone who wants the exact counts.
import { HOUR_DECISIONS, type DayCounts, type HourDecision } from '../../common/console';
import { useI18n } from '../i18n/context';

export function HourTable({
  perHour,
  labels,
}: {
  perHour: DayCounts['perHour'];
  labels: Record<HourDecision, string>;
}) {
  const { t } = useI18n();
  return (
    <details className="console-details">
      <summary>{t.console.day.chartTable}</summary>
      <table className="console-table">
        <thead>
          <tr>
            <th scope="col">{t.console.day.hour}</th>
            {HOUR_DECISIONS.map((decision) => (
              <th scope="col" key={decision}>
                {labels[decision]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {perHour.map((hour, index) => (
            <tr key={index}>
              <th scope="row">{`${String(index).padStart(2, '0')}:00`}</th>
              {HOUR_DECISIONS.map((decision) => (
                <td key={decision}>{hour[decision]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
