// The outcome in words first (a large heading announced as a status), then the evidence: scores, the KTP
// data, and the provider's own message.
import type { Outcome } from '../../../common/record';
import { ScreenHeading } from '../../components/ScreenHeading';
import { format, toPercent } from '../../i18n/format';
import { useI18n } from '../../i18n/context';
import { OcrList } from './OcrList';

interface Props {
  outcome: Outcome;
  /** A training record: the heading and a notice say so, whatever the decision. */
  training: boolean;
  onDone: () => void;
  /** At a desk with someone signed in the record is finished by review, so that is the way on. */
  onReview?: (() => void) | undefined;
}

export function ResultScreen({ outcome, training, onDone, onReview }: Props) {
  const { t } = useI18n();
  const score = (value: number | null) =>
    value === null ? t.result.notAvailable : format(t.result.percent, { value: toPercent(value) });
  return (
    <section className="screen-body result">
      <div role="status" className={`outcome outcome-${outcome.decision}`}>
        <ScreenHeading>
          {training ? t.decisionTraining[outcome.decision] : t.decision[outcome.decision]}
        </ScreenHeading>
        <p className="lead">{t.decisionHelp[outcome.decision]}</p>
      </div>
      {training && (
        <p className="training-notice" role="note">
          {t.trainingNotice}
        </p>
      )}
      <div className="result-columns">
        <section className="result-summary" aria-label={t.result.scores}>
          <dl className="details details-scores">
            <div className="details-row">
              <dt>{t.result.liveness}</dt>
              <dd>{score(outcome.liveness)}</dd>
            </div>
            <div className="details-row">
              <dt>{t.result.similarity}</dt>
              <dd>{score(outcome.similarity)}</dd>
            </div>
          </dl>
          {outcome.providerMessage && (
            <p className="provider-message">
              {format(t.result.providerMessage, { message: outcome.providerMessage })}
            </p>
          )}
          {/* Beside the scores rather than under the long KTP list, so it is on screen without scrolling. */}
          <div className="actions">
            {onReview ? (
              <button type="button" className="button button-primary button-large" onClick={onReview}>
                {t.review.open}
              </button>
            ) : (
              <button type="button" className="button button-primary button-large" onClick={onDone}>
                {t.actions.done}
              </button>
            )}
          </div>
        </section>
        <section aria-labelledby="ocr-title">
          <h2 id="ocr-title">{t.result.ocrTitle}</h2>
          <OcrList ocr={outcome.ocr} />
        </section>
      </div>
    </section>
  );
}
