// Incode's 4xx body (PROTOCOLS 3.1): {timestamp, status, error, message, path}, where `status` is the HTTP code
// or a custom code (selfie errors: HTTP 400 with status 4019, 4010 …). Texts quoted by PROTOCOLS are marked;
// the rest are the sandbox's own wording.

export interface IncodeErrorBody {
  timestamp: number;
  status: number;
  error: string;
  message: string;
  path: string;
}

export interface IncodeError {
  /** HTTP status of the answer. */
  http: number;
  /** `status` in the body. */
  status: number;
  error: string;
  message: string;
}

export const httpError = (http: 400 | 401 | 403 | 404, message: string): IncodeError => ({
  http,
  status: http,
  error: { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[http],
  message,
});

/** Custom codes, answered with HTTP 400. */
const CUSTOM: Record<number, { error: string; message: string }> = {
  100: { error: 'Too dark', message: 'BadRequestException: Too dark.' },
  101: { error: 'Glasses detected', message: 'BadRequestException: Take off your glasses.' },
  // PROTOCOLS 3.4 (web SDK): "No faces found on the image".
  4019: { error: 'Face not found', message: 'No faces found on the image' },
  // PROTOCOLS 3.4 (web SDK): "BadRequestException: More than one face detected."
  4010: { error: 'Multiple faces', message: 'BadRequestException: More than one face detected.' },
  1001: { error: 'Face cropping failure', message: 'BadRequestException: Face cropping failure.' },
  1003: { error: 'Face cropping failure', message: 'BadRequestException: Face cropping failure.' },
  3002: { error: 'Face cropping failure', message: 'BadRequestException: Face cropping failure.' },
  // PROTOCOLS 3.4 (web SDK): "Cropping area goes off the image."
  3004: { error: 'Unable to crop', message: 'Cropping area goes off the image.' },
  3005: { error: 'Face too small', message: 'BadRequestException: Face too small, move closer.' },
  3006: { error: 'Blurry image', message: 'BadRequestException: Photo blurry.' },
  3007: { error: 'Glare', message: 'BadRequestException: Too much glare.' },
  3008: { error: 'Image size unsupported', message: 'BadRequestException: Image size unsupported.' },
  // PROTOCOLS 3.4 (web SDK): "Image in portrait orientation is expected."
  3009: { error: 'Wrong orientation', message: 'Image in portrait orientation is expected.' },
  3010: { error: 'Bad image compression', message: 'BadRequestException: Image could not be decoded.' },
  // PROTOCOLS 3.1 (documented example).
  4005: { error: 'Spoof attempt detected', message: 'BadRequestException: Spoof attempt detected.' },
  6000: { error: 'Could not process', message: 'BadRequestException: Could not process the request.' },
};

export function customError(status: number, message?: string): IncodeError {
  const known = CUSTOM[status] ?? { error: 'Bad Request', message: 'BadRequestException: Unexpected error.' };
  return { http: 400, status, error: known.error, message: message ?? known.message };
}

export function errorBody(e: IncodeError, timestamp: number, path: string): IncodeErrorBody {
  return { timestamp, status: e.status, error: e.error, message: e.message, path };
}
