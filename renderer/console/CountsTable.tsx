// One set of counts as a small table: a caption, a row per key (in words), the count beside it.
import { useI18n } from '../i18n/context';

interface Props {
  caption: string;
  counts: Readonly<Record<string, number>>;
  label: (key: string) => string;
}

export function CountsTable({ caption, counts, label }: Props) {
  const { t } = useI18n();
  const rows = Object.entries(counts).sort(([, a], [, b]) => b - a);
  return (
    <table className="console-table console-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{t.console.day.count}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={2}>{t.console.none}</td>
          </tr>
        ) : (
          rows.map(([key, count]) => (
            <tr key={key}>
              <th scope="row">{label(key)}</th>
              <td>{count}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
