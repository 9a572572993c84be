// Picks the screen for the flow's state; exhaustive, so a new state is a compile error until it has one.
import { missingCase } from '../../../common/errors';
import type { CaptureSettings } from '../../capture/captureSettings';
import type { FlowCommands } from '../flow/useFlow';
import type { FlowState } from '../flow/state';
import { CaptureStep } from './CaptureStep';
import { FailureScreen } from './FailureScreen';
import { HomeScreen } from './HomeScreen';
import { PendingScreen } from './PendingScreen';
import { ResultScreen } from './ResultScreen';
import { WaitingScreen } from './WaitingScreen';

interface Props {
  state: FlowState;
  commands: FlowCommands;
  /** null until app.info has answered: the capture step needs main's thresholds. */
  capture: CaptureSettings | null;
  /** Ends the customer's session: back to Home in the kiosk's default language. */
  onEnd: (discardRecordId?: string) => void;
}

export function FlowScreen({ state, commands, capture, onEnd }: Props) {
  const done = () => onEnd();
  switch (state.screen) {
    case 'home':
      return <HomeScreen starting={state.starting} onStart={commands.start} />;
    case 'capture':
    case 'preview':
      // A record never sent to the provider is abandoned when staff go back home; one that came back for
      // a retake has been submitted and stays for the audit trail.
      if (capture === null) return null;
      return (
        <CaptureStep
          state={state}
          commands={commands}
          settings={capture}
          onHome={() => onEnd(state.submitAfter ? undefined : state.recordId)}
        />
      );
    case 'waiting':
      return <WaitingScreen state={state} />;
    case 'result':
      return <ResultScreen outcome={state.outcome} training={state.record.training} onDone={done} />;
    case 'pending':
      return <PendingScreen onDone={done} />;
    case 'failed':
      return <FailureScreen error={state.error} retry={state.retry} onRetry={commands.retry} onDone={done} />;
    default:
      return missingCase(state);
  }
}
