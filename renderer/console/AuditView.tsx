// The audit log's state: the whole chain verified against the head kept in the keychain (what every export
// prints too), what that proves and what it does not, and one day's entries (ids and codes only).
import { useState } from 'react';
import type { StaffMember } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import { referenceCode } from '../../common/reference-code';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';
import { LOCALES } from '../i18n/languages';
import { formatTime, localDay, staffName } from './format';
import { QueryProblem } from './QueryProblem';
import { useBridgeQuery } from './useBridgeQuery';
import { DayPicker, RefreshButton } from './ToolbarControls';

export function AuditView({ bridge, staff }: { bridge: LoketApi; staff: readonly StaffMember[] }) {
  const { t, language } = useI18n();
  const a = t.console.audit;
  const [day, setDay] = useState(localDay);
  const { query, reload } = useBridgeQuery(day, () => bridge.consoleAudit({ day }));
  const state = query.value;
  return (
    <section className="console-section" aria-labelledby="console-audit-title">
      <h2 id="console-audit-title">{a.title}</h2>
      <QueryProblem query={query} />
      {state && (
        <>
          <h3>{a.chain}</h3>
          <p role="status" className={`notice ${state.verify.ok ? 'console-ok' : 'notice-warning'}`}>
            {state.verify.ok
              ? format(a.intact, { count: state.verify.count, anchored: state.verify.anchored })
              : format(a.broken, {
                  problem: a.problems[state.verify.problem],
                  seq: state.verify.seq,
                  message: state.verify.message,
                })}
          </p>
          <dl className="console-facts">
            <dt>{a.entries}</dt>
            <dd>{state.entries}</dd>
            <dt>{a.head}</dt>
            <dd className="console-code">
              {state.head ? `${state.head.count} · ${state.head.mac ?? ''}` : a.headNone}
            </dd>
          </dl>
          <p className="muted console-help">{a.what}</p>
        </>
      )}
      <div className="console-toolbar">
        <DayPicker label={a.day} day={day} onChange={setDay} />
        <RefreshButton onClick={reload} />
      </div>
      {state &&
        (state.dayEntries.length === 0 ? (
          <p className="muted">{a.empty}</p>
        ) : (
          <div className="console-scroll">
            <table className="console-table">
              <caption>
                {format(a.dayCount, { shown: state.dayEntries.length, total: state.dayTotal })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{a.seq}</th>
                  <th scope="col">{a.time}</th>
                  <th scope="col">{a.action}</th>
                  <th scope="col">{a.actor}</th>
                  <th scope="col">{a.record}</th>
                  <th scope="col">{a.details}</th>
                </tr>
              </thead>
              <tbody>
                {state.dayEntries.map((entry) => (
                  <tr key={entry.seq}>
                    <th scope="row">{entry.seq}</th>
                    <td>{formatTime(entry.at, LOCALES[language])}</td>
                    <td className="console-code">{entry.action}</td>
                    <td>{staffName(entry.actor, staff, t)}</td>
                    <td className="console-code">
                      {entry.recordId ? referenceCode(entry.recordId) : t.console.none}
                    </td>
                    <td className="console-code console-wrap">
                      {Object.entries(entry.details)
                        .map(([key, value]) => `${key}=${String(value)}`)
                        .join(' ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
