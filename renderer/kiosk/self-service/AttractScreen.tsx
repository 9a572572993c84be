// What an unattended kiosk shows while nobody is using it: a welcome, the language in large buttons (each
// named in itself), and one large "touch to start".
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/context';
import { LANGUAGES } from '../../i18n/languages';

export function AttractScreen({ onStart }: { onStart: () => void }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <section className="screen-body screen-center attract">
      <ScreenHeading>{t.selfService.welcome}</ScreenHeading>
      <p className="lead">{t.selfService.intro}</p>
      <div className="attract-languages" role="group" aria-label={t.selfService.chooseLanguage}>
        {LANGUAGES.map((option) => (
          <button
            key={option}
            type="button"
            lang={option}
            className="button button-large"
            aria-pressed={option === language}
            onClick={() => setLanguage(option)}
          >
            {t.language[option]}
          </button>
        ))}
      </div>
      <button type="button" className="button button-primary button-huge" onClick={onStart}>
        {t.selfService.touchToStart}
      </button>
    </section>
  );
}
