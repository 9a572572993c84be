// A real kiosk with no account yet: create the first administrator here, or with the command IT runs on the
// kiosk's computer. Main allows this only while there is no account at all, so it is never an open door.
import { useId, useState, type FormEvent } from 'react';
import type { Envelope } from '../../common/errors';
import { PASSWORD_MIN, type SessionInfo } from '../../common/session';
import { ScreenHeading } from '../components/ScreenHeading';
import { format } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { firstRunProblem } from './firstRunChecks';

interface Props {
  command: string;
  onCreate: (name: string, password: string) => Promise<Envelope<SessionInfo>>;
}

export function FirstRunScreen({ command, onCreate }: Props) {
  const { t } = useI18n();
  const ids = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; detail: string | null } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local = firstRunProblem(name, password, repeat);
    if (local !== null) {
      setProblem({ text: format(t.firstRun[local], { min: PASSWORD_MIN }), detail: null });
      return;
    }
    setBusy(true);
    const answer = await onCreate(name.trim(), password);
    setBusy(false);
    // Main's message names what it refused (already redacted, never the password).
    if (!answer.ok) setProblem({ text: t.firstRun.refused, detail: answer.error.message });
  };

  const errorId = `${ids}-error`;
  const hintId = `${ids}-hint`;
  return (
    <section className="screen-body screen-center desk-first-run">
      <ScreenHeading>{t.firstRun.title}</ScreenHeading>
      <p className="lead">{t.firstRun.intro}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t.firstRun.name}</label>
          <input
            id={`${ids}-name`}
            className="input"
            autoComplete="username"
            spellCheck={false}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>{t.firstRun.password}</label>
          <input
            id={`${ids}-password`}
            className="input"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
          />
          <p id={hintId} className="field-hint">
            {format(t.firstRun.passwordHint, { min: PASSWORD_MIN })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-repeat`}>{t.firstRun.repeat}</label>
          <input
            id={`${ids}-repeat`}
            className="input"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </div>
        {problem && (
          <div id={errorId} className="notice notice-error" role="alert">
            <p>{problem.text}</p>
            {problem.detail && <p className="staff-detail">{problem.detail}</p>}
          </div>
        )}
        <button type="submit" className="button button-primary button-large" aria-busy={busy}>
          {busy ? t.firstRun.creating : t.firstRun.submit}
        </button>
      </form>
      <section className="first-run-cli" aria-labelledby={`${ids}-cli`}>
        <h2 id={`${ids}-cli`}>{t.firstRun.cliTitle}</h2>
        <p>{t.firstRun.cliIntro}</p>
        <pre className="command">
          <code>{command}</code>
        </pre>
      </section>
    </section>
  );
}
