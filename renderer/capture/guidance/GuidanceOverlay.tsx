// Drawn over the live video: the detected card's outline, the one message that matters most, and, once every
// check passes, a ring that fills while the photo waits for the steady moment, then a shutter flash. The
// message is a polite live region, so a screen reader hears it change without losing its place.
import type { CSSProperties } from 'react';
import type { ImageKind } from '../../../common/record';
import { useI18n } from '../../i18n/context';
import type { AutoCapture } from './autoCapture';
import type { Problem, Verdict } from './protocol';

interface Props {
  kind: ImageKind;
  available: boolean;
  shown: Problem | null;
  verdict: Verdict | null;
  auto: AutoCapture;
  holdMs: number;
}

export function GuidanceOverlay({ kind, available, shown, verdict, auto, holdMs }: Props) {
  const { t } = useI18n();
  const words = kind === 'id_card' ? t.guidance.card : t.guidance.face;
  const ready = verdict !== null && shown === null;
  const message = !available
    ? t.guidance.starting
    : verdict === null
      ? t.guidance.looking
      : shown === null
        ? auto.phase === 'fire'
          ? t.guidance.capturing
          : t.guidance.ready
        : (words as Record<Problem, string>)[shown];
  const quad = verdict?.quad;
  return (
    <div className={`guidance guidance-${ready ? 'ready' : 'problem'}`} data-problem={shown ?? 'none'}>
      {quad && verdict && (
        <svg
          className="guidance-outline"
          viewBox={`0 0 ${verdict.width} ${verdict.height}`}
          preserveAspectRatio="xMidYMid slice"
          aria-hidden="true"
        >
          <polygon points={quad.map((p) => `${p.x},${p.y}`).join(' ')} />
        </svg>
      )}
      {auto.phase === 'steady' && (
        <svg className="guidance-ring" viewBox="0 0 48 48" aria-hidden="true" key={auto.since}>
          <circle cx="24" cy="24" r="20" style={{ animationDuration: `${holdMs}ms` } as CSSProperties} />
        </svg>
      )}
      {auto.phase === 'fire' && <div className="guidance-flash" aria-hidden="true" />}
      <p className="guidance-message" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
