// getUserMedia fails with DOMException names; staff need to know what to check, not the name. This turns
// any thrown value into one of four problems, each with its own screen (see i18n `camera`).
export const CAMERA_PROBLEMS = ['not_found', 'denied', 'busy', 'failed'] as const;
export type CameraProblem = (typeof CAMERA_PROBLEMS)[number];

const BY_NAME: Readonly<Record<string, CameraProblem>> = {
  // No device, or none that can give the size we asked for (we only ask for an "ideal", but some
  // drivers still refuse).
  NotFoundError: 'not_found',
  DevicesNotFoundError: 'not_found', // older Chromium spelling
  OverconstrainedError: 'not_found',
  ConstraintNotSatisfiedError: 'not_found',
  // The user, a policy, or the Electron permission handler said no; or the page is not a secure context.
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  SecurityError: 'denied',
  // Another app holds the device, or the OS could not start it.
  NotReadableError: 'busy',
  TrackStartError: 'busy',
  AbortError: 'busy',
};

export function cameraProblemOf(error: unknown): CameraProblem {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    return BY_NAME[error.name] ?? 'failed';
  }
  return 'failed';
}
