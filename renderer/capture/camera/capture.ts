// Grabs the current video frame as a JPEG at the camera's native size; the provider does its own scaling.
import { bytesToBase64 } from './base64';

export const JPEG_QUALITY = 0.92;

export async function captureJpegBase64(video: HTMLVideoElement): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('2D canvas is not available');
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY),
  );
  if (blob === null) throw new Error('The frame could not be encoded as JPEG');
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}
