// The consent, before the camera opens: what is collected, why, for how long, who processes it and how to
// ask for deletion, as main words it for this kiosk. Accepting starts the verification with that version and
// language; declining ends the session with nothing stored.
import type { ConsentAcceptance } from '../../../common/consent';
import type { LoketApi } from '../../../common/contract';
import { ScreenHeading } from '../../components/ScreenHeading';
import { format } from '../../i18n/format';
import { useI18n } from '../../i18n/context';
import { useConsent } from './useConsent';

interface Props {
  bridge: LoketApi;
  onAccept: (consent: ConsentAcceptance) => void;
  onDecline: (consent: ConsentAcceptance) => void;
  onCancel: () => void;
}

export function ConsentScreen({ bridge, onAccept, onDecline, onCancel }: Props) {
  const { t, language } = useI18n();
  const load = useConsent(bridge, language);
  if (load.status === 'loading') {
    return (
      <section className="screen-body screen-center" aria-busy="true">
        <ScreenHeading>{t.selfService.consentLoading}</ScreenHeading>
      </section>
    );
  }
  if (load.status === 'failed') {
    return (
      <section className="screen-body screen-center">
        <ScreenHeading>{t.failure.title}</ScreenHeading>
        <p className="lead" role="alert">
          {t.errors[load.error.code]}
        </p>
        <div className="actions">
          <button type="button" className="button button-primary button-large" onClick={onCancel}>
            {t.selfService.finish}
          </button>
        </div>
      </section>
    );
  }
  const { consent } = load;
  const answer: ConsentAcceptance = { version: consent.version, language: consent.language };
  return (
    <section className="screen-body consent" lang={consent.language}>
      <ScreenHeading>{consent.title}</ScreenHeading>
      <p className="lead">{t.selfService.consentIntro}</p>
      <div className="consent-sections">
        {consent.sections.map((section) => (
          <section key={section.id} aria-labelledby={`consent-${section.id}`} className="consent-section">
            <h2 id={`consent-${section.id}`}>{section.heading}</h2>
            <p>{section.body}</p>
          </section>
        ))}
      </div>
      <p className="muted">{format(t.selfService.consentVersion, { version: consent.version })}</p>
      <div className="actions consent-actions">
        <button type="button" className="button button-primary button-huge" onClick={() => onAccept(answer)}>
          {t.selfService.accept}
        </button>
        {/* As large as "I agree": declining must be as easy as accepting. */}
        <button type="button" className="button button-huge" onClick={() => onDecline(answer)}>
          {t.selfService.decline}
        </button>
      </div>
    </section>
  );
}
