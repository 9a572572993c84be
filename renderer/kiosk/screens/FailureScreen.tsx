// A bridge error or a failed record: the code's sentence for everyone, main's (already redacted) message
// in small print for staff, and a way forward.
import type { BridgeError } from '../../../common/errors';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { Retry } from '../flow/state';
import { format } from '../../i18n/format';
import { useI18n } from '../../i18n/context';

interface Props {
  error: BridgeError;
  retry: Retry | null;
  onRetry: (retry: Retry) => void;
  onDone: () => void;
  /** Main's (redacted) message for staff; an unattended kiosk shows only the sentence for everyone. */
  staffDetail?: boolean;
}

export function FailureScreen({ error, retry, onRetry, onDone, staffDetail = true }: Props) {
  const { t } = useI18n();
  return (
    <section className="screen-body screen-center">
      <ScreenHeading>{t.failure.title}</ScreenHeading>
      <p className="lead" role="alert">
        {t.errors[error.code]}
      </p>
      {staffDetail && error.message && (
        <p className="muted staff-detail">{format(t.failure.detail, { message: error.message })}</p>
      )}
      <div className="actions">
        {retry && (
          <button type="button" className="button button-primary button-large" onClick={() => onRetry(retry)}>
            {t.actions.tryAgain}
          </button>
        )}
        <button type="button" className="button" onClick={onDone}>
          {t.actions.done}
        </button>
      </div>
    </section>
  );
}
