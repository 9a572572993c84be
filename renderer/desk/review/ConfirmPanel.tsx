// Staff finish the record: confirmed as verified or not verified, beside the provider's decision. Against an
// open check, or a provider that did not say verified, "verified" needs a typed reason: the box is there from
// the start then, and main's reason_required (the rule's owner) brings it up and takes the focus otherwise.
import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Envelope } from '../../../common/errors';
import { REASON_MAX, type Review, type StaffDecision } from '../../../common/review';
import { useI18n } from '../../i18n/context';

interface Props {
  /** A reason is needed to confirm as verified (open flags, or the provider did not say verified). */
  needsReason: boolean;
  onConfirm: (decision: StaffDecision, reason: string | undefined) => Promise<Envelope<Review>>;
}

export function ConfirmPanel({ needsReason, onConfirm }: Props) {
  const { t } = useI18n();
  const ids = useId();
  const [reason, setReason] = useState('');
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonBox = useRef<HTMLTextAreaElement | null>(null);
  const showReason = needsReason || asked;

  const send = async (decision: StaffDecision) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const typed = reason.trim();
    const answer = await onConfirm(decision, typed === '' ? undefined : typed);
    setBusy(false);
    if (answer.ok) return; // the desk moves on
    if (answer.error.code === 'reason_required') {
      flushSync(() => {
        setAsked(true);
        setError(t.errors.reason_required);
      });
      reasonBox.current?.focus();
      return;
    }
    setError(t.errors[answer.error.code]);
  };

  const errorId = `${ids}-error`;
  return (
    <section className="review-confirm" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t.review.confirmTitle}</h2>
      <p>{needsReason ? t.review.reasonNeeded : t.review.confirmHint}</p>
      {showReason && (
        <div className="field">
          <label htmlFor={`${ids}-reason`}>{t.review.reason}</label>
          <textarea
            ref={reasonBox}
            id={`${ids}-reason`}
            className="input textarea"
            rows={3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={error !== null && reason.trim() === ''}
            aria-describedby={error === null ? undefined : errorId}
          />
        </div>
      )}
      {error && (
        <p id={errorId} className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button-primary button-large"
          aria-busy={busy}
          onClick={() => void send('verified')}
        >
          {t.review.confirmVerified}
        </button>
        <button
          type="button"
          className="button button-large"
          aria-busy={busy}
          onClick={() => void send('not_verified')}
        >
          {t.review.confirmNotVerified}
        </button>
      </div>
    </section>
  );
}
