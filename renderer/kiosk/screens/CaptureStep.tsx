// One photo step (KTP or face): live view with guidance → preview → save. The guidance Worker judges every
// frame and takes the photo itself once every check has held for a steady moment; "Take photo" stays for
// staff (and, at an unattended kiosk, after a while). The camera stays open across the preview and from the
// KTP to the selfie (this component stays mounted), so "Retake" is instant.
import { useCallback, useState } from 'react';
import { captureJpegBase64 } from '../../capture/camera/capture';
import { useCamera } from '../../capture/camera/useCamera';
import type { CaptureSettings } from '../../capture/captureSettings';
import { GuidanceOverlay } from '../../capture/guidance/GuidanceOverlay';
import { useGuidance, type CapturedPhoto } from '../../capture/guidance/useGuidance';
import { useManualAllowed } from '../../capture/useManualAllowed';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { FlowCommands } from '../flow/useFlow';
import type { FlowState } from '../flow/state';
import { format } from '../../i18n/format';
import { useI18n } from '../../i18n/context';
import { CameraProblemScreen } from './CameraProblemScreen';
import { CaptureNoticeText } from './CaptureNoticeText';
import { CardConfirmation } from './CardConfirmation';
import { LiveView } from './LiveView';
import { PhotoPreview } from './PhotoPreview';

interface Props {
  state: FlowState & { screen: 'capture' | 'preview' };
  commands: FlowCommands;
  settings: CaptureSettings;
  onHome: () => void;
}

export function CaptureStep({ state, commands, settings, onHome }: Props) {
  const { t } = useI18n();
  const camera = useCamera();
  const [capturing, setCapturing] = useState(false);
  const { videoRef } = camera;
  const live = camera.state.status === 'live' && state.screen === 'capture';
  const { photoTaken } = commands;
  const onCaptured = useCallback((photo: CapturedPhoto) => photoTaken(photo), [photoTaken]);
  const guidance = useGuidance({
    videoRef,
    kind: state.kind,
    active: live && !capturing,
    thresholds: settings.thresholds,
    crop: settings.crop,
    holdMs: settings.holdMs,
    onCaptured,
  });
  const manualAllowed = useManualAllowed(settings.manualAfterMs, `${state.recordId}-${state.kind}`);

  if (camera.state.status === 'error') {
    return <CameraProblemScreen problem={camera.state.problem} onRetry={camera.retry} onHome={onHome} />;
  }

  const isIdCard = state.kind === 'id_card';
  const takePhoto = () => {
    const video = videoRef.current;
    if (video === null || capturing) return;
    setCapturing(true);
    // Through the Worker, so a card it found is still cut out; straight from the video if it is not running.
    guidance
      .captureNow()
      .then(async (photo) => photo ?? { imageBase64: await captureJpegBase64(video), cardCrop: false })
      .then(photoTaken)
      .catch((error: unknown) => console.error('Capture failed', error)) // the button stays, staff retry
      .finally(() => setCapturing(false));
  };

  // The ID photo main refused only because it could not find the card: staff may confirm it (a desk), or the
  // customer is told to ask them (self-service).
  const unfoundCard =
    state.screen === 'capture' && state.notice?.type === 'refused' ? state.notice.confirmable : null;

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
      {unfoundCard !== null &&
        (settings.staffMayConfirmCard ? (
          <CardConfirmation
            imageBase64={unfoundCard}
            busy={capturing}
            onConfirm={() =>
              commands.confirmCard({
                recordId: state.recordId,
                imageBase64: unfoundCard,
                submitAfter: state.submitAfter,
              })
            }
          />
        ) : (
          <p className="instruction">{t.capture.confirmCard.askStaff}</p>
        ))}
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
      >
        {live && (
          <GuidanceOverlay
            kind={state.kind}
            available={guidance.available}
            shown={guidance.shown}
            verdict={guidance.verdict}
            auto={guidance.auto}
            holdMs={settings.holdMs}
          />
        )}
      </LiveView>
      {state.screen === 'preview' && <PhotoPreview kind={state.kind} imageBase64={state.imageBase64} />}

      <div className="actions">
        {state.screen === 'capture' ? (
          <>
            {manualAllowed && (
              <button
                type="button"
                className="button button-primary button-large"
                disabled={camera.state.status !== 'live' || capturing}
                onClick={takePhoto}
              >
                {t.actions.takePhoto}
              </button>
            )}
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
                  cardCrop: state.cardCrop,
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
