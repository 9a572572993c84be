// The self-service kiosk's staff entry: a supervisor's (or admin's) name and password, for the console
// only. An operator's account, a wrong password and an unknown name all get main's one answer. The form
// goes away by itself after a minute untouched, so a customer who opened it is never left with it.
import { useEffect, useId, useState } from 'react';
import type { LoketApi } from '../../common/contract';
import type { ErrorCode } from '../../common/errors';
import { useI18n } from '../i18n/context';
import { ScreenHeading } from '../components/ScreenHeading';

const UNTOUCHED_MS = 60_000;

interface Props {
  bridge: LoketApi;
  onCancel: () => void;
}

export function StaffSignIn({ bridge, onCancel }: Props) {
  const { t } = useI18n();
  const words = t.console.signIn;
  const id = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(onCancel, UNTOUCHED_MS);
    return () => window.clearTimeout(timer);
  }, [name, password, onCancel]);
  const submit = async () => {
    setBusy(true);
    const answer = await bridge.signIn({ name, password });
    setBusy(false);
    setPassword('');
    if (!answer.ok) return setProblem(t.errors[answer.error.code satisfies ErrorCode]);
    // A success needs nothing here: session.changed opens the console.
    if (answer.value.outcome === 'invalid_credentials') setProblem(words.invalid);
    if (answer.value.outcome === 'locked') setProblem(words.locked);
  };
  return (
    <div className="screen-body screen-center console">
      <ScreenHeading>{words.title}</ScreenHeading>
      <p className="muted">{words.intro}</p>
      <form
        className="console-decision"
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id={`${id}-title`} className="visually-hidden">
          {words.title}
        </h2>
        <label>
          {words.name}
          <input
            type="text"
            autoComplete="username"
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          {words.password}
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            required
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {problem && (
          <p role="alert" className="notice notice-warning">
            {problem}
          </p>
        )}
        <div className="console-toolbar">
          <button type="submit" className="button button-primary" disabled={busy || !name || !password}>
            {words.submit}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {words.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}
