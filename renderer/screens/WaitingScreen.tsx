// Shown while main runs the provider's steps; the bar is driven only by progress events for this record.
import { useId } from 'react';
import type { FlowState } from '../flow/state';
import { ScreenHeading } from '../components/ScreenHeading';
import { useI18n } from '../i18n/context';

export function WaitingScreen({ progress }: { progress: (FlowState & { screen: 'waiting' })['progress'] }) {
  const { t } = useI18n();
  const labelId = useId();
  return (
    <section className="screen-body screen-center">
      <ScreenHeading>{t.waiting.title}</ScreenHeading>
      <p className="lead">{t.waiting.hint}</p>
      <span id={labelId} className="visually-hidden">
        {t.waiting.progressLabel}
      </span>
      {/* Without a first event the bar is indeterminate rather than a misleading 0%. */}
      <progress
        className="progress"
        aria-labelledby={labelId}
        max={1}
        value={progress === null ? undefined : progress.fraction}
      />
      <p className="progress-step" aria-live="polite">
        {progress === null ? '\u00a0' : t.progress[progress.step]}
      </p>
    </section>
  );
}
