// Why the person is asked for the photo again, in words, naming the photo.
import type { ImageKind } from '../../../common/record';
import type { Catalogue } from '../../i18n/id';
import type { CaptureNotice } from '../flow/state';
import { useI18n } from '../../i18n/context';

function noticeText(t: Catalogue, notice: CaptureNotice, kind: ImageKind): string {
  switch (notice.type) {
    case 'retake':
      return t.retake[notice.reason];
    case 'refused':
      return notice.rejection.kind === 'id_card'
        ? t.refused.id_card[notice.rejection.reason]
        : t.refused.selfie[notice.rejection.reason];
    case 'rejected':
      return kind === 'id_card' ? t.capture.imageRejectedIdCard : t.capture.imageRejectedSelfie;
  }
}

export function CaptureNoticeText({ notice, kind }: { notice: CaptureNotice; kind: ImageKind }) {
  const { t } = useI18n();
  return (
    <p className="notice notice-warning" role="alert">
      {noticeText(t, notice, kind)}
    </p>
  );
}
