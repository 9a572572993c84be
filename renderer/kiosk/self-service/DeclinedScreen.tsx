// After "I do not agree": thanks, that nothing was stored, and back to the start by itself.
import { ScreenHeading } from '../../components/ScreenHeading';
import { useCountdown } from '../../components/useCountdown';
import { format } from '../../i18n/format';
import { useI18n } from '../../i18n/context';

export function DeclinedScreen({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const { t } = useI18n();
  const left = useCountdown(seconds, onDone);
  return (
    <section className="screen-body screen-center">
      <ScreenHeading>{t.selfService.declinedTitle}</ScreenHeading>
      <p className="lead" role="status">
        {t.selfService.declinedBody}
      </p>
      <div className="actions">
        <button type="button" className="button button-primary button-large" onClick={onDone}>
          {t.selfService.finish}
        </button>
      </div>
      <p className="muted countdown-text">{format(t.selfService.returning, { seconds: left })}</p>
    </section>
  );
}
