// The desk's review of a decided record: the provider's decision, the card photo beside the fields read
// from it (each correctable, the original kept), the NIK checks in words, and the confirmation that
// finishes the record.
import type { LoketApi } from '../../../common/contract';
import type { RecordView } from '../../../common/record';
import { confirmationNeedsReason, type OcrFieldName, type Review } from '../../../common/review';
import { ScreenHeading } from '../../components/ScreenHeading';
import { format } from '../../i18n/format';
import { useI18n } from '../../i18n/context';
import { CardPhoto } from './CardPhoto';
import { ConfirmPanel } from './ConfirmPanel';
import { FieldRow } from './FieldRow';
import { NikChecks } from './NikChecks';
import { reviewRows } from './rows';
import { useReview } from './useReview';

interface Props {
  bridge: LoketApi;
  record: RecordView;
  onConfirmed: (review: Review) => void;
  /** Out without confirming: only when the review cannot be had (main refused it). */
  onLeave: () => void;
}

export function ReviewScreen({ bridge, record, onConfirmed, onLeave }: Props) {
  const { t } = useI18n();
  const { load, photo, correct, confirm } = useReview(bridge, record.id);

  if (load.status === 'loading') {
    return (
      <section className="screen-body screen-center" aria-busy="true">
        <ScreenHeading key="loading">{t.review.loading}</ScreenHeading>
      </section>
    );
  }
  if (load.status === 'failed') {
    return (
      <section className="screen-body screen-center">
        <ScreenHeading key="failed">{t.failure.title}</ScreenHeading>
        <p className="lead" role="alert">
          {t.errors[load.error.code]}
        </p>
        <div className="actions">
          <button type="button" className="button button-primary button-large" onClick={onLeave}>
            {t.actions.backHome}
          </button>
        </div>
      </section>
    );
  }

  const { review } = load;
  const decision = (review.training ? t.decisionTraining : t.decision)[review.providerDecision];
  const rows = reviewRows(review, Object.keys(t.ocr) as OcrFieldName[]);
  return (
    <section className="screen-body review">
      <ScreenHeading key="review">{t.review.title}</ScreenHeading>
      <p className="review-summary">
        <span>{format(t.review.providerDecision, { decision })}</span>
        <span>{format(t.review.reference, { code: review.referenceCode })}</span>
      </p>
      <div className="review-columns">
        <CardPhoto photo={photo} />
        <section className="review-fields" aria-labelledby="review-fields-title">
          <h2 id="review-fields-title">{t.review.fieldsTitle}</h2>
          <p className="muted">{t.review.fieldsHint}</p>
          <dl className="details review-list">
            {rows.map((row) => (
              <FieldRow
                key={row.field}
                row={row}
                label={t.ocr[row.field]}
                editable={review.confirmation === null}
                onSave={(value) => correct(row.field, value)}
              />
            ))}
          </dl>
        </section>
      </div>
      <NikChecks flags={review.flags} />
      <ConfirmPanel
        needsReason={confirmationNeedsReason('verified', review.flags, review.providerDecision)}
        onConfirm={async (staffDecision, reason) => {
          const answer = await confirm(staffDecision, reason);
          if (answer.ok) onConfirmed(answer.value);
          return answer;
        }}
      />
    </section>
  );
}
