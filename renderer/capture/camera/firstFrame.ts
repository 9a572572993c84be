// "Take photo" must not be enabled before a decoded frame exists: a capture taken too early is a black
// JPEG that the provider rejects as "no face". We wait for HAVE_CURRENT_DATA, a non-zero size, and a frame
// actually presented (requestVideoFrameCallback where available, else the 'playing' event).
const HAVE_CURRENT_DATA = 2;

export function hasDecodedFrame(video: HTMLVideoElement): boolean {
  return video.readyState >= HAVE_CURRENT_DATA && video.videoWidth > 0 && video.videoHeight > 0;
}

/** Calls `onReady` once, after the first presented frame; returns a function that cancels the wait. */
export function whenFirstFrame(video: HTMLVideoElement, onReady: () => void): () => void {
  let cancelled = false;
  let handle: number | undefined;
  // A typeof check rather than `in`: the DOM types always declare it, older engines may still lack it.
  const frameCallbacks = typeof video.requestVideoFrameCallback === 'function';
  const check = () => {
    if (cancelled) return;
    if (hasDecodedFrame(video)) {
      cancelled = true;
      onReady();
    } else if (frameCallbacks) {
      handle = video.requestVideoFrameCallback(check);
    }
  };
  const events = ['playing', 'loadeddata', 'resize'] as const;
  if (frameCallbacks) {
    handle = video.requestVideoFrameCallback(check);
  } else {
    for (const name of events) video.addEventListener(name, check);
  }
  return () => {
    cancelled = true;
    if (handle !== undefined) video.cancelVideoFrameCallback(handle);
    for (const name of events) video.removeEventListener(name, check);
  };
}
