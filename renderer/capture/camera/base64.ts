// The bridge takes base64 without a data: prefix (see contract `addImage`). Encoding in chunks keeps
// String.fromCharCode within the engine's argument limit for multi-megabyte frames.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

export function jpegDataUrl(imageBase64: string): string {
  return `data:image/jpeg;base64,${imageBase64}`;
}
