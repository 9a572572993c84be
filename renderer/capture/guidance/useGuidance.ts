// Runs the guidance Worker for one capture step: pumps the camera's frames to it one at a time, keeps the
// message on screen steady, and fires auto-capture once every check has held for `holdMs`. The Worker does
// all pixel work; this thread only moves a bitmap, reads a small verdict and renders.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { CropGeometry } from '../../../common/capture/crop';
import type { CaptureThresholds } from '../../../common/capture/thresholds';
import type { ImageKind } from '../../../common/record';
import { bytesToBase64 } from '../camera/base64';
import { AUTO_CAPTURE_START, nextAutoCapture, type AutoCapture } from './autoCapture';
import type { FromWorker, Problem, ToWorker, Verdict } from './protocol';
import { nextShown, SHOWN_START, type Shown } from './shownMessage';

export interface GuidanceOptions {
  videoRef: RefObject<HTMLVideoElement | null>;
  kind: ImageKind;
  /** The camera shows decoded frames and the step is waiting for a photo. */
  active: boolean;
  thresholds: CaptureThresholds;
  crop: CropGeometry;
  holdMs: number;
  /** Auto-capture fired: the photo, as base64 JPEG. */
  onCaptured: (photo: CapturedPhoto) => void;
}

export interface CapturedPhoto {
  imageBase64: string;
  /** The card, found, straightened and cut out (the ID step); false: the whole frame. */
  cardCrop: boolean;
}

export interface Guidance {
  /** The Worker answers: false while it loads, and if it could not start (capture stays manual then). */
  available: boolean;
  shown: Problem | null;
  verdict: Verdict | null;
  auto: AutoCapture;
  /** Takes the photo now, through the Worker (so the card is still cropped); null when it cannot. */
  captureNow: () => Promise<CapturedPhoto | null>;
}

/** A new message stays up at least this long before another replaces it (no flicker between two checks). */
const MIN_SHOW_MS = 350;
/** User Timing names the bench reads (performance.getEntriesByName). */
export const MEASURES = {
  latency: 'loket:guidance:camera-to-verdict',
  analysis: 'loket:guidance:analysis',
  readback: 'loket:guidance:readback',
  detect: 'loket:guidance:detect',
  pixelChecks: 'loket:guidance:pixel-checks',
} as const;
const MAX_MEASURES = 2_000;

const assetUrl = (path: string) => new URL(path, document.baseURI).href;

export function useGuidance(options: GuidanceOptions): Guidance {
  const { videoRef, kind, active, thresholds, crop, holdMs } = options;
  const worker = useRef<Worker | null>(null);
  const [available, setAvailable] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [shown, setShown] = useState<Shown>(SHOWN_START);
  const [auto, setAuto] = useState<AutoCapture>(AUTO_CAPTURE_START);
  const captures = useRef(new Map<number, (photo: CapturedPhoto | null) => void>());
  const nextCaptureId = useRef(1);
  const onCaptured = useRef(options.onCaptured);
  useEffect(() => {
    onCaptured.current = options.onCaptured;
  });
  const awaitingVerdict = useRef(false);

  // One Worker per step: its detector state (the previous quad) and last good frame belong to this photo.
  useEffect(() => {
    const created = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'guidance' });
    worker.current = created;
    const pending = captures.current;
    created.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      switch (message.type) {
        case 'ready':
          setAvailable(true);
          return;
        case 'verdict': {
          awaitingVerdict.current = false;
          const now = performance.now();
          recordTimings(message, now);
          setVerdict(message);
          setShown((current) => nextShown(current, message.problem, now, MIN_SHOW_MS));
          setAuto((current) =>
            nextAutoCapture(current, { ok: message.problem === null, at: message.takenAt }, holdMs),
          );
          return;
        }
        case 'captured': {
          const resolve = pending.get(message.id);
          pending.delete(message.id);
          resolve?.({ imageBase64: bytesToBase64(new Uint8Array(message.jpeg)), cardCrop: message.cardCrop });
          return;
        }
        case 'failed':
          awaitingVerdict.current = false;
          if (message.id !== null) {
            pending.get(message.id)?.(null);
            pending.delete(message.id);
          } else {
            console.error('Guidance failed', message.message);
          }
          return;
      }
    };
    created.onerror = (event) => {
      console.error('The guidance Worker stopped', event.message);
      setAvailable(false);
    };
    const configure: ToWorker = {
      type: 'configure',
      kind,
      thresholds,
      crop,
      modelBaseUrl: assetUrl('models/'),
      wasmBaseUrl: assetUrl('wasm/'),
    };
    created.postMessage(configure);
    return () => {
      created.terminate();
      worker.current = null;
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
      awaitingVerdict.current = false;
      setAvailable(false);
      setVerdict(null);
      setShown(SHOWN_START);
      setAuto(AUTO_CAPTURE_START);
    };
  }, [kind, thresholds, crop, holdMs]);

  // Back on the live view (a retake, a refused photo): the hold and the message start over. Adjusted while
  // rendering, as React advises for state that follows a prop, rather than in an effect.
  const [wasActive, setWasActive] = useState(active);
  if (active !== wasActive) {
    setWasActive(active);
    if (active) {
      setAuto(AUTO_CAPTURE_START);
      setShown(SHOWN_START);
    }
  }

  // The pump: the next frame goes when the last verdict is back, and only while the step is active.
  useEffect(() => {
    const video = videoRef.current;
    if (!active || !available || video === null) return;
    let stopped = false;
    let handle = 0;
    const pump = () => {
      if (stopped) return;
      handle = video.requestVideoFrameCallback(pump);
      const target = worker.current;
      if (awaitingVerdict.current || target === null || video.videoWidth === 0) return;
      awaitingVerdict.current = true;
      const takenAt = performance.now();
      createImageBitmap(video).then(
        (frame) => {
          if (stopped) return frame.close();
          const message: ToWorker = { type: 'frame', frame, takenAt };
          target.postMessage(message, [frame]);
        },
        () => (awaitingVerdict.current = false),
      );
    };
    handle = video.requestVideoFrameCallback(pump);
    return () => {
      stopped = true;
      video.cancelVideoFrameCallback(handle);
    };
  }, [active, available, videoRef]);

  const captureNow = useCallback((): Promise<CapturedPhoto | null> => {
    const target = worker.current;
    if (target === null || !available) return Promise.resolve(null);
    const id = nextCaptureId.current++;
    return new Promise((resolve) => {
      captures.current.set(id, resolve);
      const message: ToWorker = { type: 'capture', id };
      target.postMessage(message);
    });
  }, [available]);

  // Auto-capture: once, when the hold completes, while the step is still waiting for a photo.
  const fired = auto.phase === 'fire';
  useEffect(() => {
    if (!fired || !active) return;
    void captureNow().then((photo) => {
      if (photo) onCaptured.current(photo);
      else setAuto(AUTO_CAPTURE_START);
    });
  }, [fired, active, captureNow]);

  return { available, shown: shown.problem, verdict, auto, captureNow };
}

/** What the bench reads back: User Timing entries, bounded so a kiosk left running for days holds few. */
function recordTimings(verdict: Verdict, now: number): void {
  const span = (name: string, duration: number) =>
    performance.measure(name, { start: now - duration, duration });
  performance.measure(MEASURES.latency, { start: verdict.takenAt, end: now });
  span(MEASURES.analysis, verdict.analysisMs);
  span(MEASURES.readback, verdict.timings.readbackMs);
  span(MEASURES.detect, verdict.timings.detectMs);
  span(MEASURES.pixelChecks, verdict.timings.measuresMs);
  if (performance.getEntriesByName(MEASURES.latency).length > MAX_MEASURES) {
    for (const name of Object.values(MEASURES)) performance.clearMeasures(name);
  }
}
