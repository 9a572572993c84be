// Why the customer is asked for the photo again, in words.
import type { CaptureNotice } from '../flow/state';
import { useI18n } from '../i18n/context';

export function CaptureNoticeText({ notice }: { notice: CaptureNotice }) {
  const { t } = useI18n();
  const text = notice.type === 'retake' ? t.retake[notice.reason] : t.capture.imageRejected;
  return (
    <p className="notice notice-warning" role="alert">
      {text}
    </p>
  );
}
