// The desk's resting screen between customers, with a word about the last one (the record just confirmed).
import type { ReactNode } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/context';

interface Props {
  starting: boolean;
  onStart: () => void;
  notice?: ReactNode;
}

export function HomeScreen({ starting, onStart, notice }: Props) {
  const { t } = useI18n();
  return (
    <section className="screen-body screen-center">
      {notice && (
        <p className="notice notice-done" role="status">
          {notice}
        </p>
      )}
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
