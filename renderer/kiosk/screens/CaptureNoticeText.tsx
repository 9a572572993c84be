// Why the customer is asked for the photo again, in words, naming the photo.
import type { ImageKind } from '../../../common/record';
import type { CaptureNotice } from '../flow/state';
import { useI18n } from '../../i18n/context';

export function CaptureNoticeText({ notice, kind }: { notice: CaptureNotice; kind: ImageKind }) {
  const { t } = useI18n();
  const rejected = kind === 'id_card' ? t.capture.imageRejectedIdCard : t.capture.imageRejectedSelfie;
  const text = notice.type === 'retake' ? t.retake[notice.reason] : rejected;
  return (
    <p className="notice notice-warning" role="alert">
      {text}
    </p>
  );
}
