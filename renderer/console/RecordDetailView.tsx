// One record for the supervisor: outcome and scores, the three decisions side by side, the NIK checks, the
// KTP fields (masked until "reveal"), the photos (only on request), the timeline, and, while the record
// waits for a supervisor, the decision form. Reveals and photo views are audited in main.
import { useEffect, useRef, useState } from 'react';
import type { RecordDetail, StaffMember } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import { useI18n } from '../i18n/context';
import { format, toPercent } from '../i18n/format';
import { LOCALES } from '../i18n/languages';
import { DecisionForm } from './DecisionForm';
import { FieldsPanel } from './FieldsPanel';
import { formatDateTime, staffName } from './format';
import { PhotosPanel } from './PhotosPanel';
import { QueryProblem } from './QueryProblem';
import { TimelineList } from './TimelineList';
import { useBridgeQuery } from './useBridgeQuery';

interface Props {
  bridge: LoketApi;
  recordId: string;
  staff: readonly StaffMember[];
  onBack: () => void;
}

export function RecordDetailView({ bridge, recordId, staff, onBack }: Props) {
  const { t } = useI18n();
  const { query, reload } = useBridgeQuery(recordId, () => bridge.consoleRecord({ recordId }));
  const heading = useRef<HTMLHeadingElement | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const detail = query.value;
  const loaded = detail !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  return (
    <section className="console-section" aria-labelledby="console-detail-title">
      <button type="button" className="button button-small" onClick={onBack}>
        {t.console.detail.back}
      </button>
      <QueryProblem query={query} />
      {detail && (
        <>
          <h2
            id="console-detail-title"
            ref={heading}
            tabIndex={-1}
            className="screen-heading console-detail-title"
          >
            {format(t.console.detail.title, { reference: detail.referenceCode })}{' '}
            {detail.training && <span className="badge badge-training">{t.console.training}</span>}
          </h2>
          <Outcome detail={detail} staff={staff} />
          {detail.awaiting.length > 0 && (
            <DecisionForm
              reasons={detail.awaiting}
              decide={(action, reason) => bridge.consoleDecide({ recordId, action, reason })}
              onDecided={(next) => {
                if (next.supervisor) setDecided(t.console.supervisorDecisions[next.supervisor]);
                reload();
              }}
            />
          )}
          {decided && (
            <p role="status" className="notice">
              {format(t.console.decide.done, { decision: decided })}
            </p>
          )}
          <FieldsPanel bridge={bridge} detail={detail} staff={staff} />
          <PhotosPanel bridge={bridge} detail={detail} />
          <TimelineList timeline={detail.timeline} staff={staff} />
        </>
      )}
    </section>
  );
}

function Outcome({ detail, staff }: { detail: RecordDetail; staff: readonly StaffMember[] }) {
  const { t, language } = useI18n();
  const d = t.console.detail;
  const when = (iso: string) => formatDateTime(iso, LOCALES[language]);
  const score = (value: number | null) =>
    value === null ? t.result.notAvailable : format(t.result.percent, { value: toPercent(value) });
  const decisions = detail.training ? t.decisionTraining : t.decision;
  return (
    <section aria-labelledby="console-outcome">
      <h3 id="console-outcome">{d.outcome}</h3>
      <dl className="console-facts">
        <dt>{d.providerDecision}</dt>
        <dd>{detail.decision ? decisions[detail.decision] : t.console.statuses[detail.status]}</dd>
        {detail.outcome && (
          <>
            <dt>{t.result.liveness}</dt>
            <dd>{score(detail.outcome.liveness)}</dd>
            <dt>{t.result.similarity}</dt>
            <dd>{score(detail.outcome.similarity)}</dd>
            <dt>{t.result.scores}</dt>
            <dd>{format(t.result.providerMessage, { message: detail.outcome.providerMessage })}</dd>
          </>
        )}
        {detail.error && (
          <>
            <dt>{t.console.records.status}</dt>
            <dd>{format(d.error, { code: detail.error.code })}</dd>
          </>
        )}
        <dt>{d.deskDecision}</dt>
        <dd>
          {detail.confirmation ? (
            <>
              {t.console.staffDecisions[detail.confirmation.decision]} (
              {format(d.byAt, {
                who: staffName(detail.confirmation.by, staff, t),
                time: when(detail.confirmation.at),
              })}
              )
              {detail.confirmation.reason && (
                <span className="console-reason">
                  {format(d.reason, { reason: detail.confirmation.reason })}
                </span>
              )}
            </>
          ) : (
            t.console.none
          )}
        </dd>
        <dt>{d.supervisorDecision}</dt>
        <dd>
          {detail.supervisorDecision ? (
            <>
              {t.console.supervisorDecisions[detail.supervisorDecision.decision]} (
              {format(d.byAt, {
                who: staffName(detail.supervisorDecision.by, staff, t),
                time: when(detail.supervisorDecision.at),
              })}
              )
              <span className="console-reason">
                {format(d.reason, { reason: detail.supervisorDecision.reason })}
              </span>
            </>
          ) : (
            t.console.none
          )}
        </dd>
        <dt>{d.checks}</dt>
        <dd>
          {detail.flagCodes.length === 0
            ? d.checksClear
            : detail.flagCodes.map((flag) => t.console.flags[flag]).join('; ')}
        </dd>
        <dt>{d.servedBy}</dt>
        <dd>{staffName(detail.operator, staff, t)}</dd>
        <dt>{t.console.records.mode}</dt>
        <dd>{t.console.modes[detail.mode]}</dd>
        <dt>{t.console.records.provider}</dt>
        <dd>{t.providers[detail.provider]}</dd>
        <dt>{d.kiosk}</dt>
        <dd>{detail.kioskId ?? t.console.none}</dd>
        <dt>{d.attempts}</dt>
        <dd>{detail.attempts}</dd>
      </dl>
    </section>
  );
}
