// What staff see when the camera cannot start: the problem in words, what to check, and two ways out.
import type { CameraProblem } from '../../capture/camera/cameraProblem';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/context';

interface Props {
  problem: CameraProblem;
  onRetry: () => void;
  onHome: () => void;
}

export function CameraProblemScreen({ problem, onRetry, onHome }: Props) {
  const { t } = useI18n();
  const words = t.camera[problem];
  return (
    <section className="screen-body screen-center">
      <ScreenHeading>{words.title}</ScreenHeading>
      <p className="lead" role="alert">
        {words.help}
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onRetry}>
          {t.actions.tryAgain}
        </button>
        <button type="button" className="button" onClick={onHome}>
          {t.actions.backHome}
        </button>
      </div>
    </section>
  );
}
