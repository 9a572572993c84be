// Shown while main runs the provider's steps; the bar is driven only by progress events for this record.
// While the provider waits for the customer (its hosted face check), the screen says what to do instead.
import { useId } from 'react';
import type { FlowState } from '../flow/state';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/context';
import { HostedSession } from './HostedSession';

export function WaitingScreen({ state }: { state: FlowState & { screen: 'waiting' } }) {
  const { t } = useI18n();
  const labelId = useId();
  const { progress, action } = state;
  return (
    <section className="screen-body screen-center">
      {action === null ? (
        // Keyed so the heading takes focus again when the screen switches between the two.
        <ScreenHeading key="waiting">{t.waiting.title}</ScreenHeading>
      ) : (
        <ScreenHeading key="hosted">{t.hosted.title}</ScreenHeading>
      )}
      {action === null ? <p className="lead">{t.waiting.hint}</p> : <HostedSession action={action} />}
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
