// Who is at the desk, as the renderer sees it. Sessions live in main (main/accounts/sessions.ts) and are
// enforced there; these shapes only tell the screens what to show: the signed-in operator, or why nobody is.
import { z } from 'zod';
import { ROLES } from './roles';

const OperatorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('account'), id: z.string(), name: z.string(), role: z.enum(ROLES) }),
  /** The one-tap sign-in of training mode: no account, and every record says training. */
  z.object({ kind: z.literal('training') }),
]);
export type SessionOperator = z.infer<typeof OperatorSchema>;

export const SessionInfoSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_in'), operator: OperatorSchema, signedInAt: z.string() }),
  /** Show the sign-in screen; with the sandbox provider it may offer the one-tap training sign-in. */
  z.object({ status: z.literal('sign_in_required'), trainingAvailable: z.boolean() }),
  /** A real provider and no account yet: create the first admin here, or with `command`. */
  z.object({ status: z.literal('first_run'), command: z.string() }),
  /** An unattended kiosk: nobody signs in. */
  z.object({ status: z.literal('self_service') }),
]);
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SignInResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('signed_in'), session: SessionInfoSchema }),
  /** A wrong name or password (or a disabled account): the same answer for each, on purpose. */
  z.object({ outcome: z.literal('invalid_credentials') }),
  /** Too many wrong passwords: locked until then, whatever password is tried meanwhile. */
  z.object({ outcome: z.literal('locked'), lockedUntil: z.string() }),
]);
export type SignInResult = z.infer<typeof SignInResultSchema>;

export const SESSION_CHANGE_REASONS = [
  'signed_in',
  'signed_out',
  /** No activity for accounts.idleSignOutMinutes. */
  'idle_sign_out',
  /** Self-service: the customer walked away (or the countdown ran out) and their session was wiped. */
  'customer_session_wiped',
] as const;

export const SessionChangedSchema = z.object({
  session: SessionInfoSchema,
  reason: z.enum(SESSION_CHANGE_REASONS),
});
export type SessionChanged = z.infer<typeof SessionChangedSchema>;

/** Staff names: letters and digits, with spaces, dots, dashes and apostrophes between. */
export const OPERATOR_NAME_MAX = 64;
/** Length bounds on a staff password (NIST SP 800-63B: at least 8; long passphrases allowed). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const CredentialsSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(OPERATOR_NAME_MAX * 4),
    password: z
      .string()
      .min(1)
      .max(PASSWORD_MAX * 4),
  })
  .strict();
