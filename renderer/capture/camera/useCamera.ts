// Owns the camera for as long as a capture step is on screen: opens it, attaches it to the <video>,
// reports when a real frame is showing, and always stops the tracks on unmount or retry so the light
// goes off and the next customer (or another app) can have the device.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { CameraProblem } from './cameraProblem';
import { cameraProblemOf } from './cameraProblem';
import { whenFirstFrame } from './firstFrame';

export const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  video: { width: { ideal: 1280 }, height: { ideal: 720 } },
  audio: false,
};

export type CameraState =
  | { status: 'starting' }
  | { status: 'live' } // a decoded frame is on screen: capture is allowed
  | { status: 'error'; problem: CameraProblem };

export interface Camera {
  videoRef: RefObject<HTMLVideoElement | null>;
  state: CameraState;
  retry: () => void;
}

function openStream(): Promise<MediaStream> {
  // Missing mediaDevices (no camera stack, or an insecure context) reads to staff as "no camera".
  if (typeof navigator.mediaDevices?.getUserMedia !== 'function') {
    return Promise.reject(new DOMException('navigator.mediaDevices is not available', 'NotFoundError'));
  }
  return navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS);
}

export function useCamera(): Camera {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<CameraState>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // The <video> is always mounted while this hook's screen is (see CaptureStep), so it exists here.
    const video = videoRef.current;
    let stopped = false;
    let stream: MediaStream | null = null;
    let cancelWait: () => void = () => undefined;
    const fail = (error: unknown) => {
      if (!stopped) setState({ status: 'error', problem: cameraProblemOf(error) });
    };

    openStream()
      .then(async (opened) => {
        stream = opened;
        if (stopped || video === null) {
          opened.getTracks().forEach((track) => track.stop());
          return;
        }
        // An unplugged camera ends its track; show the "no camera" screen instead of a frozen frame.
        for (const track of opened.getVideoTracks()) {
          track.addEventListener('ended', () =>
            fail(new DOMException('camera track ended', 'NotFoundError')),
          );
        }
        video.srcObject = opened;
        cancelWait = whenFirstFrame(video, () => {
          if (!stopped) setState({ status: 'live' });
        });
        await video.play();
      })
      .catch(fail);

    return () => {
      stopped = true;
      cancelWait();
      stream?.getTracks().forEach((track) => track.stop());
      if (video !== null) video.srcObject = null;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'starting' });
    setAttempt((count) => count + 1);
  }, []);

  return { videoRef, state, retry };
}
