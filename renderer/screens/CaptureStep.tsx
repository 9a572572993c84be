// One photo step (KTP or face): live view → preview → save. The camera stays open across the preview
// and from the KTP to the selfie (this component stays mounted), so "Retake" is instant.
import { useState } from 'react';
import { captureJpegBase64 } from '../capture/camera/capture';
import { useCamera } from '../capture/camera/useCamera';
import { ScreenHeading } from '../components/ScreenHeading';
import type { FlowCommands } from '../flow/useFlow';
import type { FlowState } from '../flow/state';
import { format } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { CameraProblemScreen } from './CameraProblemScreen';
import { CaptureNoticeText } from './CaptureNoticeText';
import { LiveView } from './LiveView';
import { PhotoPreview } from './PhotoPreview';

interface Props {
  state: FlowState & { screen: 'capture' | 'preview' };
  commands: FlowCommands;
  onHome: () => void;
}

export function CaptureStep({ state, commands, onHome }: Props) {
  const { t } = useI18n();
  const camera = useCamera();
  const [capturing, setCapturing] = useState(false);
  const { videoRef } = camera;

  if (camera.state.status === 'error') {
    return <CameraProblemScreen problem={camera.state.problem} onRetry={camera.retry} onHome={onHome} />;
  }

  const isIdCard = state.kind === 'id_card';
  const takePhoto = () => {
    const video = videoRef.current;
    if (video === null || capturing) return;
    setCapturing(true);
    captureJpegBase64(video)
      .then(commands.photoTaken)
      .catch((error: unknown) => console.error('Capture failed', error)) // the button stays, staff retry
      .finally(() => setCapturing(false));
  };

  return (
    <section className="screen-body capture">
      <p className="step-counter">{format(t.capture.stepOf, { step: isIdCard ? 1 : 2 })}</p>
      {/* Keyed so the heading takes focus again when the step or phase changes. */}
      <ScreenHeading key={`${state.kind}-${state.screen}`}>
        {state.screen === 'preview'
          ? t.capture.previewTitle
          : isIdCard
            ? t.capture.idCardTitle
            : t.capture.selfieTitle}
      </ScreenHeading>

      {state.screen === 'capture' && state.notice && (
        <CaptureNoticeText notice={state.notice} kind={state.kind} />
      )}
      <p className="instruction">
        {state.screen === 'preview'
          ? isIdCard
            ? t.capture.previewIdCard
            : t.capture.previewSelfie
          : isIdCard
            ? t.capture.idCardInstruction
            : t.capture.selfieInstruction}
      </p>

      {/* The video stays mounted behind the preview: unmounting it would stop the stream. */}
      <LiveView
        kind={state.kind}
        videoRef={videoRef}
        starting={camera.state.status === 'starting'}
        hidden={state.screen === 'preview'}
      />
      {state.screen === 'preview' && <PhotoPreview kind={state.kind} imageBase64={state.imageBase64} />}

      <div className="actions">
        {state.screen === 'capture' ? (
          <>
            <button
              type="button"
              className="button button-primary button-large"
              disabled={camera.state.status !== 'live' || capturing}
              onClick={takePhoto}
            >
              {t.actions.takePhoto}
            </button>
            <button type="button" className="button" onClick={onHome}>
              {t.actions.backHome}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button-primary button-large"
              disabled={state.saving}
              aria-busy={state.saving}
              onClick={() =>
                commands.savePhoto({
                  recordId: state.recordId,
                  kind: state.kind,
                  imageBase64: state.imageBase64,
                  submitAfter: state.submitAfter,
                })
              }
            >
              {t.actions.usePhoto}
            </button>
            <button type="button" className="button" disabled={state.saving} onClick={commands.retake}>
              {t.actions.retake}
            </button>
          </>
        )}
      </div>
      {state.screen === 'preview' && state.saving && (
        <p className="muted" aria-live="polite">
          {t.capture.saving}
        </p>
      )}
    </section>
  );
}
