// The provider could not be reached: the record is saved and the sync engine will send it later.
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/context';

export function PendingScreen({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section className="screen-body screen-center">
      <div role="status" className="outcome outcome-pending">
        <ScreenHeading>{t.pending.title}</ScreenHeading>
      </div>
      <p className="lead">{t.pending.body}</p>
      <div className="actions">
        <button type="button" className="button button-primary button-large" onClick={onDone}>
          {t.actions.done}
        </button>
      </div>
    </section>
  );
}
