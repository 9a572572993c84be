// The signed-in desk: the customer's flow, then the review of the decided record, then Home for the next
// customer with a word about the record just confirmed. Mounted afresh for every sign-in (keyed by it), so
// an operator never inherits the last one's customer.
import { useMemo, useState } from 'react';
import type { AppInfo, LoketApi } from '../../common/contract';
import type { RecordView } from '../../common/record';
import type { Review } from '../../common/review';
import { captureSettings } from '../capture/captureSettings';
import { format } from '../i18n/format';
import { useI18n } from '../i18n/context';
import { useFlow } from '../kiosk/flow/useFlow';
import { FlowScreen } from '../kiosk/screens/FlowScreen';
import { ReviewScreen } from './review/ReviewScreen';

interface Props {
  bridge: LoketApi;
  appInfo: AppInfo;
  /** Someone is signed in, so main lets the desk review (without sign-in required, it may not be). */
  canReview: boolean;
  resetLanguage: () => void;
}

export function DeskWork({ bridge, appInfo, canReview, resetLanguage }: Props) {
  const { t } = useI18n();
  const { state, commands } = useFlow(bridge, 'assisted');
  const capture = useMemo(() => captureSettings(appInfo), [appInfo]);
  const [reviewing, setReviewing] = useState<RecordView | null>(null);
  const [confirmed, setConfirmed] = useState<Review | null>(null);

  const end = (discardRecordId?: string) => {
    resetLanguage();
    setReviewing(null);
    commands.reset(discardRecordId);
  };

  if (reviewing !== null) {
    return (
      <ReviewScreen
        bridge={bridge}
        record={reviewing}
        onConfirmed={(review) => {
          setConfirmed(review);
          end();
        }}
        onLeave={() => end()}
      />
    );
  }

  const homeNotice =
    confirmed?.confirmation &&
    format(t.review.confirmed, {
      code: confirmed.referenceCode,
      decision: t.decision[confirmed.confirmation.decision],
    });
  return (
    <FlowScreen
      state={state}
      commands={{
        ...commands,
        start: () => {
          setConfirmed(null);
          commands.start();
        },
      }}
      capture={capture}
      audience={{
        kind: 'staff',
        onReview: canReview ? (record) => setReviewing(record) : undefined,
        homeNotice,
      }}
      onEnd={end}
    />
  );
}
