// The photo just taken, shown in the same box as the live view so the two can be compared at a glance.
import type { ImageKind } from '../../../common/record';
import { jpegDataUrl } from '../../capture/camera/base64';
import { useI18n } from '../../i18n/context';

export function PhotoPreview({ kind, imageBase64 }: { kind: ImageKind; imageBase64: string }) {
  const { t } = useI18n();
  return (
    <div className={`camera camera-${kind}`}>
      <img
        className="camera-video"
        src={jpegDataUrl(imageBase64)}
        alt={kind === 'id_card' ? t.capture.previewAltIdCard : t.capture.previewAltSelfie}
      />
    </div>
  );
}
