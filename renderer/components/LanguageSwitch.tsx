// Two always-visible buttons, each named in its own language (with a matching `lang`) so a customer finds
// theirs without reading the other language first.
import { useI18n } from '../i18n/context';
import { LANGUAGES } from '../i18n/languages';

export function LanguageSwitch() {
  const { language, t, setLanguage } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t.app.languages}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="button button-small"
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          {t.language[option]}
        </button>
      ))}
    </div>
  );
}
