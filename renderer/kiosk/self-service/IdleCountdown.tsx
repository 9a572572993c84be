// "Are you still there?": over everything, after selfService.idleSeconds without a touch. Any touch or key
// cancels it (useIdle hears it first, on the window); at zero the customer's session is wiped. A modal
// dialog that takes focus, so a screen reader announces it and a keyboard lands on "Continue".
import { useEffect, useRef } from 'react';
import { useCountdown } from '../../components/useCountdown';
import { format } from '../../i18n/format';
import { useI18n } from '../../i18n/context';

export function IdleCountdown({ seconds, onExpire }: { seconds: number; onExpire: () => void }) {
  const { t } = useI18n();
  const left = useCountdown(seconds, onExpire);
  const button = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <div className="overlay">
      <div
        className="overlay-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
      >
        <h2 id="idle-title" className="overlay-title">
          {t.selfService.idleTitle}
        </h2>
        <p id="idle-body" className="lead">
          {format(t.selfService.idleBody, { seconds: left })}
        </p>
        <p className="overlay-count" aria-hidden="true">
          {left}
        </p>
        {/* The touch itself is what cancels; the button gives it a place to land, and a name. */}
        <button ref={button} type="button" className="button button-primary button-huge">
          {t.selfService.idleContinue}
        </button>
      </div>
    </div>
  );
}
