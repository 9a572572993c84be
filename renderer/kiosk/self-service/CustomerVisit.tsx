// One customer at the unattended kiosk, from the consent to the result. Mounted afresh for every customer
// (keyed by the visit), so nothing of the last one (flow, consent, photos on screen) can reach the next.
// While the customer is expected to act, no touch for selfService.idleSeconds shows the countdown; at zero
// main deletes what was taken (selfService.endSession) and the kiosk returns to the start.
import { useMemo, useState } from 'react';
import type { AppInfo, LoketApi } from '../../../common/contract';
import { captureSettings } from '../../capture/captureSettings';
import { useIdle } from '../../components/useIdle';
import type { FlowState } from '../flow/state';
import { useFlow } from '../flow/useFlow';
import { FlowScreen } from '../screens/FlowScreen';
import { ConsentScreen } from './ConsentScreen';
import { DeclinedScreen } from './DeclinedScreen';
import { IdleCountdown } from './IdleCountdown';

type Phase = 'consent' | 'declined' | 'flow';

/**
 * Screens where the customer has something to do. The result screens return to the start by themselves, and
 * while the provider checks the photos the customer is waiting on us (unless its hosted check waits on them).
 */
export function awaitsCustomer(phase: Phase, state: FlowState): boolean {
  if (phase !== 'flow') return phase === 'consent';
  switch (state.screen) {
    case 'waiting':
      return state.action !== null;
    case 'result':
    case 'pending':
      return false;
    default:
      return true;
  }
}

interface Props {
  bridge: LoketApi;
  appInfo: AppInfo;
  /** The visit is over: back to the start in the default language. */
  onEnd: () => void;
}

export function CustomerVisit({ bridge, appInfo, onEnd }: Props) {
  const [phase, setPhase] = useState<Phase>('consent');
  const { state, commands } = useFlow(bridge, 'self_service');
  const capture = useMemo(() => captureSettings(appInfo), [appInfo]);
  const { idleSeconds, countdownSeconds, resultSeconds } = appInfo.selfService;
  const idle = useIdle(idleSeconds * 1000, awaitsCustomer(phase, state));

  /** The customer left before sending: whatever was taken is deleted before the next one comes. */
  const forget = () => {
    void bridge.endCustomerSession({}).finally(onEnd);
  };

  return (
    <>
      {phase === 'consent' && (
        <ConsentScreen
          bridge={bridge}
          onAccept={(consent) => {
            setPhase('flow');
            commands.start(consent);
          }}
          onDecline={(consent) => {
            // Nothing was made yet; main notes only that a consent was declined.
            void bridge.declineConsent(consent);
            setPhase('declined');
          }}
          onCancel={onEnd}
        />
      )}
      {phase === 'declined' && <DeclinedScreen seconds={resultSeconds} onDone={onEnd} />}
      {phase === 'flow' && (
        <FlowScreen
          state={state}
          commands={commands}
          capture={capture}
          audience={{ kind: 'customer', resultSeconds }}
          // Leaving from anywhere but the outcome may leave something unsent (a cancelled capture, a failed
          // save): main forgets it before the next customer comes.
          onEnd={() => (state.screen === 'result' || state.screen === 'pending' ? onEnd() : forget())}
        />
      )}
      {idle && <IdleCountdown seconds={countdownSeconds} onExpire={forget} />}
    </>
  );
}
