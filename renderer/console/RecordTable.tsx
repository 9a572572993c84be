// Records as the console lists them, masked: time, reference code, the three decisions side by side, who
// served, the kind of kiosk, the service and the masked NIK; training records labelled. One button per row
// opens the record.
import type { RecordListItem, StaffMember } from '../../common/console';
import { useI18n } from '../i18n/context';
import { LOCALES } from '../i18n/languages';
import { formatTime, staffName } from './format';

interface Props {
  caption: string;
  items: readonly RecordListItem[];
  staff: readonly StaffMember[];
  onOpen: (recordId: string) => void;
  /** The review queue adds why each record waits. */
  showAwaiting?: boolean;
}

export function RecordTable({ caption, items, staff, onOpen, showAwaiting = false }: Props) {
  const { t, language } = useI18n();
  const r = t.console.records;
  if (items.length === 0) return <p className="muted">{r.empty}</p>;
  return (
    <div className="console-scroll">
      <table className="console-table console-records">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{r.time}</th>
            <th scope="col">{r.reference}</th>
            <th scope="col">{r.decision}</th>
            <th scope="col">{r.desk}</th>
            <th scope="col">{r.supervisor}</th>
            {showAwaiting && <th scope="col">{t.console.queue.why}</th>}
            <th scope="col">{r.operator}</th>
            <th scope="col">{r.mode}</th>
            <th scope="col">{r.provider}</th>
            <th scope="col">{r.nik}</th>
            <th scope="col">
              <span className="visually-hidden">{r.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{formatTime(item.createdAt, LOCALES[language])}</td>
              <th scope="row">
                <span className="console-code">{item.referenceCode}</span>
                {item.training && <span className="badge badge-training">{t.console.training}</span>}
              </th>
              <td>{item.decision ? t.decision[item.decision] : t.console.statuses[item.status]}</td>
              <td>{item.confirmed ? t.console.staffDecisions[item.confirmed] : t.console.none}</td>
              <td>{item.supervisor ? t.console.supervisorDecisions[item.supervisor] : t.console.none}</td>
              {showAwaiting && <td>{item.awaiting.map((why) => t.console.awaiting[why]).join('; ')}</td>}
              <td>{staffName(item.operator, staff, t)}</td>
              <td>{t.console.modes[item.mode]}</td>
              <td>{t.providers[item.provider]}</td>
              <td className="console-code">{item.nikMasked ?? t.console.none}</td>
              <td>
                <button type="button" className="button button-small" onClick={() => onOpen(item.id)}>
                  {r.open}
                  <span className="visually-hidden"> {item.referenceCode}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
