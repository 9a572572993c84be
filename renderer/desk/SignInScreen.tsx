// Staff sign in before anything else at an assisted desk. Main decides (and locks an account after too many
// wrong passwords); this screen says what it answered, in words: the same "wrong name or password" for every
// refusal, "locked until HH:MM" for a lockout. In training mode a newcomer can come in with one tap.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Envelope, ErrorCode } from '../../common/errors';
import type { SessionInfo, SignInResult } from '../../common/session';
import { ScreenHeading } from '../components/ScreenHeading';
import { format, formatMinutes, formatTime } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { LOCALES } from '../i18n/languages';
import type { SessionEnded } from './sessionState';

type Problem =
  | { kind: 'missing' }
  | { kind: 'invalid' }
  | { kind: 'locked'; until: string }
  | { kind: 'error'; code: ErrorCode };

interface Props {
  trainingAvailable: boolean;
  ended: SessionEnded | null;
  idleSignOutMinutes: number;
  onSignIn: (name: string, password: string) => Promise<Envelope<SignInResult>>;
  onTraining: () => Promise<Envelope<SessionInfo>>;
}

export function SignInScreen({ trainingAvailable, ended, idleSignOutMinutes, onSignIn, onTraining }: Props) {
  const { t, language } = useI18n();
  const locale = LOCALES[language];
  const ids = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const nameInput = useRef<HTMLInputElement | null>(null);
  const passwordInput = useRef<HTMLInputElement | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '' || password === '') {
      setProblem({ kind: 'missing' });
      (name.trim() === '' ? nameInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    const answer = await onSignIn(name, password);
    setBusy(false);
    if (!answer.ok) {
      setProblem({ kind: 'error', code: answer.error.code });
      return;
    }
    if (answer.value.outcome === 'signed_in') return; // the desk replaces this screen
    setPassword('');
    setProblem(
      answer.value.outcome === 'locked'
        ? { kind: 'locked', until: answer.value.lockedUntil }
        : { kind: 'invalid' },
    );
    passwordInput.current?.focus();
  };

  const training = async () => {
    if (busy) return;
    setBusy(true);
    const answer = await onTraining();
    setBusy(false);
    if (!answer.ok) setProblem({ kind: 'error', code: answer.error.code });
  };

  const message = (shown: Problem): string => {
    switch (shown.kind) {
      case 'missing':
        return t.signIn.missing;
      case 'invalid':
        return t.signIn.invalid;
      case 'locked':
        return format(t.signIn.locked, { time: formatTime(shown.until, locale) ?? shown.until });
      case 'error':
        return t.errors[shown.code];
    }
  };
  const errorId = `${ids}-error`;
  const describedBy = problem ? errorId : undefined;

  return (
    <section className="screen-body screen-center desk-sign-in">
      <ScreenHeading>{t.signIn.title}</ScreenHeading>
      {ended && (
        <p className="notice notice-info" role="status">
          {ended === 'idle_sign_out'
            ? format(t.signIn.idleSignedOut, { minutes: formatMinutes(idleSignOutMinutes, locale) })
            : t.signIn.signedOut}
        </p>
      )}
      <p className="lead">{t.signIn.intro}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t.signIn.name}</label>
          <input
            ref={nameInput}
            id={`${ids}-name`}
            className="input"
            name="username"
            autoComplete="username"
            autoCapitalize="words"
            spellCheck={false}
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={problem?.kind === 'missing' && name.trim() === ''}
            aria-describedby={describedBy}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>{t.signIn.password}</label>
          <input
            ref={passwordInput}
            id={`${ids}-password`}
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={problem !== null && problem.kind !== 'error' && password === ''}
            aria-describedby={describedBy}
          />
        </div>
        {problem && (
          <p id={errorId} className="notice notice-error" role="alert">
            {message(problem)}
          </p>
        )}
        <button type="submit" className="button button-primary button-large" aria-busy={busy}>
          {busy ? t.signIn.checking : t.signIn.submit}
        </button>
      </form>
      {trainingAvailable && (
        <section className="training-sign-in" aria-labelledby={`${ids}-training`}>
          <h2 id={`${ids}-training`}>{t.signIn.trainingTitle}</h2>
          <p>{t.signIn.trainingIntro}</p>
          <button type="button" className="button button-large" onClick={() => void training()}>
            {t.signIn.training}
          </button>
        </section>
      )}
    </section>
  );
}
