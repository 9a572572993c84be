// One KTP field at the desk: what it says now, what the provider read when staff changed it, and an edit in
// place (Enter saves, Escape cancels, focus returns to "Edit"). The NIK is masked like everywhere else until
// staff ask to see it; typing a correction shows it whole.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { Envelope } from '../../../common/errors';
import { maskNik } from '../../../common/nik';
import { FIELD_VALUE_MAX, type Review } from '../../../common/review';
import { format } from '../../i18n/format';
import { useI18n } from '../../i18n/context';
import type { ReviewRow } from './rows';

interface Props {
  row: ReviewRow;
  label: string;
  /** Read-only once the record is confirmed. */
  editable: boolean;
  onSave: (value: string) => Promise<Envelope<Review>>;
}

export function FieldRow({ row, label, editable, onSave }: Props) {
  const { t } = useI18n();
  const ids = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const editButton = useRef<HTMLButtonElement | null>(null);
  const isNik = row.field === 'nik';
  const shown = (value: string | null) =>
    value === null ? t.review.notRead : isNik && !revealed ? maskNik(value) : value;

  const open = () => {
    setDraft(row.value ?? '');
    setError(null);
    setEditing(true);
  };
  const close = () => {
    // Rendered at once, so "Edit" exists again to take the focus back.
    flushSync(() => {
      setEditing(false);
      setError(null);
    });
    editButton.current?.focus();
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const value = draft.trim();
    if (value === '') {
      setError(t.review.valueRequired);
      return;
    }
    if (value === row.value) {
      close();
      return;
    }
    setBusy(true);
    const answer = await onSave(value);
    setBusy(false);
    if (answer.ok) close();
    else setError(t.errors[answer.error.code]);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };

  const errorId = `${ids}-error`;
  return (
    <div className={`details-row review-row${row.corrected ? ' review-row-corrected' : ''}`}>
      <dt>
        <label htmlFor={`${ids}-input`} id={`${ids}-label`}>
          {label}
        </label>
      </dt>
      <dd>
        {editing ? (
          <form
            className="review-edit"
            onSubmit={(event) => void save(event)}
            onKeyDown={onKeyDown}
            noValidate
          >
            <input
              id={`${ids}-input`}
              className="input"
              // Staff asked to edit this field: the cursor goes straight into it.
              autoFocus
              value={draft}
              maxLength={FIELD_VALUE_MAX}
              inputMode={isNik ? 'numeric' : undefined}
              spellCheck={false}
              onChange={(event) => setDraft(event.target.value)}
              aria-invalid={error !== null}
              aria-describedby={error === null ? undefined : errorId}
            />
            <button type="submit" className="button button-small button-primary" aria-busy={busy}>
              {t.review.save}
            </button>
            <button type="button" className="button button-small" onClick={close}>
              {t.review.cancel}
            </button>
            {error && (
              <p id={errorId} className="field-error" role="alert">
                {error}
              </p>
            )}
          </form>
        ) : (
          <div className="review-value">
            <span className={row.value === null ? 'muted' : 'review-value-text'}>{shown(row.value)}</span>
            {isNik && row.value !== null && (
              <button
                type="button"
                className="button button-small"
                aria-pressed={revealed}
                onClick={() => setRevealed((now) => !now)}
              >
                {t.review.showNik}
              </button>
            )}
            {editable && (
              <button
                ref={editButton}
                type="button"
                className="button button-small"
                aria-label={format(t.review.editLabel, { field: label })}
                onClick={open}
              >
                {t.review.edit}
              </button>
            )}
          </div>
        )}
        {row.corrected && (
          <p className="review-original">{format(t.review.readAs, { value: shown(row.read) })}</p>
        )}
      </dd>
    </div>
  );
}
