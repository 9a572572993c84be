// The resting screen between customers.
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/context';

export function HomeScreen({ starting, onStart }: { starting: boolean; onStart: () => void }) {
  const { t } = useI18n();
  return (
    <section className="screen-body screen-center">
      <ScreenHeading>{t.home.title}</ScreenHeading>
      <p className="lead">{t.home.intro}</p>
      <button
        type="button"
        className="button button-primary button-large"
        disabled={starting}
        onClick={onStart}
      >
        {t.actions.start}
      </button>
      {starting && (
        <p className="muted" aria-live="polite">
          {t.home.starting}
        </p>
      )}
    </section>
  );
}
