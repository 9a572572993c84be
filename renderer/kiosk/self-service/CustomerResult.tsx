// The self-service result: the outcome in words and the short reference code, and nothing personal (no NIK,
// name, address or score: main does not even send them to a self-service screen). It returns to the start
// by itself after selfService.resultSeconds, and says so.
import type { Decision, RecordView } from '../../../common/record';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useCountdown } from '../../components/useCountdown';
import { format } from '../../i18n/format';
import { useI18n } from '../../i18n/context';

interface Props {
  /** 'pending': saved while the provider could not be reached; it will be checked later. */
  outcome: Decision | 'pending';
  record: Pick<RecordView, 'referenceCode' | 'training'>;
  seconds: number;
  onDone: () => void;
}

export function CustomerResult({ outcome, record, seconds, onDone }: Props) {
  const { t } = useI18n();
  const left = useCountdown(seconds, onDone);
  const words = t.selfService.outcome[outcome];
  return (
    <section className="screen-body screen-center customer-result">
      <div role="status" className={`outcome outcome-${outcome}`}>
        <ScreenHeading>
          {record.training ? format(t.selfService.training, { outcome: words }) : words}
        </ScreenHeading>
        <p className="lead">{t.selfService.outcomeHelp[outcome]}</p>
      </div>
      {record.training && (
        <p className="training-notice" role="note">
          {t.selfService.trainingNotice}
        </p>
      )}
      <div className="reference">
        <p className="reference-label" id="reference-label">
          {t.selfService.referenceLabel}
        </p>
        <p className="reference-code" aria-labelledby="reference-label">
          {record.referenceCode}
        </p>
        <p className="muted">{t.selfService.referenceHelp}</p>
      </div>
      <div className="actions">
        <button type="button" className="button button-primary button-large" onClick={onDone}>
          {t.selfService.finish}
        </button>
      </div>
      <p className="muted countdown-text">{format(t.selfService.returning, { seconds: left })}</p>
    </section>
  );
}
