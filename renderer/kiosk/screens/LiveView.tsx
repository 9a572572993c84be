// The live camera with a guide the shape of what we want: a KTP-sized card, or an oval for the face.
// The selfie is mirrored on screen only (people expect a mirror); the captured JPEG is never mirrored.
import type { ReactNode, RefObject } from 'react';
import type { ImageKind } from '../../../common/record';
import { useI18n } from '../../i18n/context';

interface Props {
  kind: ImageKind;
  videoRef: RefObject<HTMLVideoElement | null>;
  starting: boolean;
  hidden: boolean;
  /** The guidance overlay, drawn over the video and the guide. */
  children?: ReactNode;
}

export function LiveView({ kind, videoRef, starting, hidden, children }: Props) {
  const { t } = useI18n();
  return (
    <div className={`camera camera-${kind}`} hidden={hidden}>
      <video
        ref={videoRef}
        className="camera-video"
        autoPlay
        muted
        playsInline
        aria-label={kind === 'id_card' ? t.capture.cameraLabelIdCard : t.capture.cameraLabelSelfie}
      />
      <div className={`guide guide-${kind}`} aria-hidden="true" />
      {children}
      {starting && <p className="camera-starting">{t.capture.cameraStarting}</p>}
    </div>
  );
}
