// The supervisor's approve or reject, with a reason that main requires (and stores beside the provider's
// decision, never over it). The form says why the record waits.
import { useId, useState } from 'react';
import type { RecordDetail, RecordListItem, SupervisorAction } from '../../common/console';
import type { Envelope, ErrorCode } from '../../common/errors';
import { REASON_MAX } from '../../common/review';
import { useI18n } from '../i18n/context';

interface Props {
  reasons: RecordListItem['awaiting'];
  decide: (action: SupervisorAction, reason: string) => Promise<Envelope<RecordDetail>>;
  onDecided: (detail: RecordDetail) => void;
}

export function DecisionForm({ reasons, decide, onDecided }: Props) {
  const { t } = useI18n();
  const words = t.console.decide;
  const id = useId();
  const [action, setAction] = useState<SupervisorAction | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const submit = async () => {
    if (action === null) return;
    setSaving(true);
    const answer = await decide(action, reason);
    setSaving(false);
    if (answer.ok) onDecided(answer.value);
    else setProblem(answer.error.code);
  };
  const ready = action !== null && reason.trim() !== '' && !saving;
  return (
    <form
      className="console-decision"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`}>{words.title}</h3>
      <ul className="console-list">
        {reasons.map((why) => (
          <li key={why}>{t.console.awaiting[why]}</li>
        ))}
      </ul>
      <fieldset className="console-choice">
        <legend>{words.choice}</legend>
        {(['approve', 'reject'] as const).map((choice) => (
          <label key={choice} className="console-check">
            <input
              type="radio"
              name={`${id}-action`}
              value={choice}
              checked={action === choice}
              onChange={() => setAction(choice)}
            />
            {words[choice]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-reason`}>{words.reason}</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        required
        maxLength={REASON_MAX}
        rows={3}
        aria-describedby={`${id}-help`}
        onChange={(event) => setReason(event.target.value)}
      />
      <p id={`${id}-help`} className="muted console-help">
        {words.reasonHelp}
      </p>
      {problem && (
        <p role="alert" className="notice notice-warning">
          {problem === 'invalid_state' ? words.ownRecord : t.errors[problem]}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={!ready}>
        {saving ? words.saving : words.submit}
      </button>
    </form>
  );
}
