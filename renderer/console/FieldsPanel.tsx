// The KTP fields of one record: named but hidden (the NIK masked) until the supervisor asks to reveal them,
// which main records in the audit log before it answers. Corrections show who and when; their values come
// with the reveal.
import { useState } from 'react';
import type { RecordDetail, RevealedFields, StaffMember } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import type { ErrorCode } from '../../common/errors';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';
import { LOCALES } from '../i18n/languages';
import { formatDateTime, staffName } from './format';

interface Props {
  bridge: LoketApi;
  detail: RecordDetail;
  staff: readonly StaffMember[];
}

export function FieldsPanel({ bridge, detail, staff }: Props) {
  const { t, language } = useI18n();
  const d = t.console.detail;
  const [revealed, setRevealed] = useState<RevealedFields | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const reveal = async () => {
    const answer = await bridge.consoleReveal({ recordId: detail.id });
    if (answer.ok) setRevealed(answer.value);
    else setProblem(answer.error.code);
  };
  const when = (iso: string) => formatDateTime(iso, LOCALES[language]);
  const fields = revealed
    ? (Object.keys(revealed.fields) as Array<keyof RevealedFields['fields']>)
    : detail.fieldsRead;
  return (
    <section aria-labelledby="console-fields">
      <h3 id="console-fields">{d.fields}</h3>
      {fields.length === 0 ? (
        <p className="muted">{d.fieldsNone}</p>
      ) : (
        <dl className="console-facts console-fields">
          {fields.map((field) => (
            <div key={field} className="console-fact">
              <dt>{t.ocr[field]}</dt>
              <dd>
                {revealed ? (
                  (revealed.fields[field] ?? '')
                ) : field === 'nik' && detail.nikMasked ? (
                  <span className="console-code">{detail.nikMasked}</span>
                ) : (
                  <span className="console-hidden">{d.hidden}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {revealed ? (
        <p role="status" className="notice notice-warning">
          {d.revealed}
        </p>
      ) : (
        fields.length > 0 && (
          <div className="console-toolbar">
            <button
              type="button"
              className="button button-small"
              onClick={() => void reveal()}
              aria-describedby="console-reveal-notice"
            >
              {d.reveal}
            </button>
            <p id="console-reveal-notice" className="muted console-help">
              {d.revealNotice}
            </p>
          </div>
        )
      )}
      {problem && (
        <p role="alert" className="notice notice-warning">
          {t.errors[problem]}
        </p>
      )}
      {detail.corrections.length > 0 && (
        <>
          <h4>{d.corrections}</h4>
          <ul className="console-list">
            {revealed
              ? revealed.corrections.map((correction, index) => (
                  <li key={index}>
                    {format(d.correction, {
                      field: t.ocr[correction.field],
                      before: correction.before ?? t.console.none,
                      after: correction.after,
                    })}
                  </li>
                ))
              : detail.corrections.map((correction, index) => (
                  <li key={index}>
                    {format(d.correctionHidden, {
                      field: t.ocr[correction.field],
                      who: staffName(correction.by, staff, t),
                      time: when(correction.at),
                    })}
                  </li>
                ))}
          </ul>
        </>
      )}
    </section>
  );
}
