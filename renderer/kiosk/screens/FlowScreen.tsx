// Picks the screen for the flow's state; exhaustive, so a new state is a compile error until it has one.
// The same flow serves both kinds of kiosk: at a desk, staff see the scores and fields and go on to review;
// at a self-service kiosk, the customer sees the outcome in words and a reference code, nothing personal.
import type { ReactNode } from 'react';
import { missingCase } from '../../../common/errors';
import type { RecordView } from '../../../common/record';
import type { CaptureSettings } from '../../capture/captureSettings';
import type { FlowCommands } from '../flow/useFlow';
import type { FlowState } from '../flow/state';
import { CustomerResult } from '../self-service/CustomerResult';
import { CustomerStarting } from '../self-service/CustomerStarting';
import { CaptureStep } from './CaptureStep';
import { FailureScreen } from './FailureScreen';
import { HomeScreen } from './HomeScreen';
import { PendingScreen } from './PendingScreen';
import { ResultScreen } from './ResultScreen';
import { WaitingScreen } from './WaitingScreen';

export type Audience =
  | {
      kind: 'staff';
      /** Set when the signed-in operator can review a decided record: the result leads there. */
      onReview?: ((record: RecordView) => void) | undefined;
      /** What Home says about the last customer (the record just confirmed). */
      homeNotice?: ReactNode;
    }
  | { kind: 'customer'; resultSeconds: number };

interface Props {
  state: FlowState;
  commands: FlowCommands;
  /** null until app.info has answered: the capture step needs main's thresholds. */
  capture: CaptureSettings | null;
  audience: Audience;
  /** Ends the customer's session: back to Home (or attract) in the kiosk's default language. */
  onEnd: (discardRecordId?: string) => void;
}

export function FlowScreen({ state, commands, capture, audience, onEnd }: Props) {
  const done = () => onEnd();
  const customer = audience.kind === 'customer';
  switch (state.screen) {
    case 'home':
      if (customer) return <CustomerStarting />;
      return (
        <HomeScreen starting={state.starting} onStart={() => commands.start()} notice={audience.homeNotice} />
      );
    case 'capture':
    case 'preview':
      // A record never sent to the provider is abandoned when the person goes back; one that came back for
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
      if (customer) {
        return (
          <CustomerResult
            outcome={state.outcome.decision}
            record={state.record}
            seconds={audience.resultSeconds}
            onDone={done}
          />
        );
      }
      return (
        <ResultScreen
          outcome={state.outcome}
          training={state.record.training}
          onDone={done}
          onReview={audience.onReview && (() => audience.onReview?.(state.record))}
        />
      );
    case 'pending':
      if (customer) {
        return (
          <CustomerResult
            outcome="pending"
            record={state.record}
            seconds={audience.resultSeconds}
            onDone={done}
          />
        );
      }
      return <PendingScreen onDone={done} />;
    case 'failed':
      return (
        <FailureScreen
          error={state.error}
          retry={state.retry}
          onRetry={commands.retry}
          onDone={done}
          staffDetail={!customer}
        />
      );
    default:
      return missingCase(state);
  }
}
