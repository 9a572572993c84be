// One record's review over the bridge: the review itself, the card photo (main audits each view), and the
// two things staff do: correct a field, confirm the record. Main answers every change with the whole review
// (flags recomputed), which replaces what is shown.
import { useCallback, useEffect, useState } from 'react';
import type { LoketApi } from '../../../common/contract';
import type { BridgeError, Envelope } from '../../../common/errors';
import type { OcrFieldName, Review, StaffDecision } from '../../../common/review';
import { jpegDataUrl } from '../../capture/camera/base64';

export type ReviewLoad =
  { status: 'loading' } | { status: 'ready'; review: Review } | { status: 'failed'; error: BridgeError };

/** The card photo: loading, not kept (purged, or never taken), or a data: URL. */
export type PhotoLoad = { status: 'loading' } | { status: 'none' } | { status: 'ready'; src: string };

export interface ReviewSession {
  load: ReviewLoad;
  photo: PhotoLoad;
  correct: (field: OcrFieldName, value: string) => Promise<Envelope<Review>>;
  confirm: (decision: StaffDecision, reason: string | undefined) => Promise<Envelope<Review>>;
}

export function useReview(bridge: LoketApi, recordId: string): ReviewSession {
  const [load, setLoad] = useState<ReviewLoad>({ status: 'loading' });
  const [photo, setPhoto] = useState<PhotoLoad>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    void (async () => {
      const answer = await bridge.getReview({ recordId });
      if (!active) return;
      setLoad(
        answer.ok ? { status: 'ready', review: answer.value } : { status: 'failed', error: answer.error },
      );
      if (!answer.ok || !answer.value.hasIdPhoto) {
        setPhoto({ status: 'none' });
        return;
      }
      const image = await bridge.getIdPhoto({ recordId });
      if (!active) return;
      setPhoto(
        image.ok ? { status: 'ready', src: jpegDataUrl(image.value.imageBase64) } : { status: 'none' },
      );
    })();
    return () => {
      active = false;
    };
  }, [bridge, recordId]);

  const correct = useCallback(
    async (field: OcrFieldName, value: string) => {
      const answer = await bridge.correctField({ recordId, field, value });
      if (answer.ok) setLoad({ status: 'ready', review: answer.value });
      return answer;
    },
    [bridge, recordId],
  );

  const confirm = useCallback(
    (decision: StaffDecision, reason: string | undefined) =>
      bridge.confirmRecord(reason === undefined ? { recordId, decision } : { recordId, decision, reason }),
    [bridge, recordId],
  );

  return { load, photo, correct, confirm };
}
