// Kiosk settings: everything a branch's IT team may set that is not a secret. They live in
// DIR/settings.json (optional; every field has a default) and can be overridden per run by the host's
// command line. Credentials never live here: they are in the OS keychain (main/keys).
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { PROVIDER_NAMES } from '../../common/providers';
import { MODES } from '../../common/record';
import { isTimeZone } from '../lib/local-day';
import { defaultKioskId, KIOSK_ID_PATTERN } from './kiosk-id';
import { CaptureSettingsSchema } from './capture-settings';
import { packagedSettingsProblems } from './packaged';
import { FINISH_STATUS_MODES } from '../providers/incode/finish-mode';

const Slug = z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes');

/**
 * The seed's migration list for api.identifai.id has face-match-liveness-v1 and -v2, not the plain slug that
 * older pages (and Loket's earlier default) used; that host answers it 404, so every record would fail. A
 * kiosk that set it explicitly is stopped at start with this message rather than failing every customer.
 */
const UNLISTED_SLUGS: Readonly<Record<string, string>> = {
  'face-match-liveness':
    'its migration list has face-match-liveness-v1 and face-match-liveness-v2; remove the setting to use the default (face-match-liveness-v1)',
};

/** Kept equal to IDENTIFAI_DEFAULTS.slugs.faceMatchLiveness (a unit test checks). */
export const IDENTIFAI_DEFAULT_SLUG = 'face-match-liveness-v1';

const ACCOUNT_DEFAULTS = {
  requireSignIn: true,
  maxFailedSignIns: 5,
  lockoutMinutes: 15,
  idleSignOutMinutes: 10,
} as const;
const SELF_SERVICE_DEFAULTS = { idleSeconds: 60, countdownSeconds: 15, resultSeconds: 15 } as const;

export const SettingsSchema = z
  .object({
    /**
     * 'assisted': a desk where signed-in staff serve the customer and review what was read (the default).
     * 'self_service': an unattended kiosk that asks the customer's consent, shows no personal data and
     * forgets the customer when they walk away; its window is always locked full screen.
     */
    mode: z.enum(MODES).default('assisted'),
    /** Written on every record, so a branch with several kiosks knows which one served whom. */
    kioskId: z
      .string()
      .regex(KIOSK_ID_PATTERN, 'a kiosk id is 1–64 letters, digits, dots, dashes or underscores')
      .default(() => defaultKioskId(hostname())),
    provider: z.enum(PROVIDER_NAMES).default('sandbox'),
    /** Base URL of the provider; unset means the provider's documented production URL. */
    providerUrl: z.url().optional(),
    defaultLanguage: z.enum(['id', 'en']).default('id'),
    /** Electron only: a locked full-screen window; self-service mode always has one, whatever this says. */
    kiosk: z.boolean().default(false),
    fullscreen: z.boolean().default(false),
    /**
     * The zone of the kiosk's local day (exports, `audit list --day`): Asia/Jakarta (WIB), Asia/Makassar
     * (WITA) or Asia/Jayapura (WIT) in Indonesia, any IANA zone elsewhere; unset means the machine's zone.
     */
    timeZone: z.string().refine(isTimeZone, 'not a time zone (e.g. Asia/Jakarta)').optional(),
    // Each provider's section: what the documents settle is a default, what they leave open ([UNCONFIRMED]
    // in PROTOCOLS.md) is a setting with the likeliest value, and the README says what each one means.
    identifai: z
      .object({
        mode: z.enum(['async', 'syncv2']).default('async'),
        livenessThreshold: z.number().min(0).max(1).default(0.6),
        similarityThreshold: z.number().min(0).max(1).default(0.7),
        faceMatchLivenessSlug: Slug.refine((slug) => !Object.hasOwn(UNLISTED_SLUGS, slug), {
          error: (issue) =>
            `"${String(issue.input)}" is not served by api.identifai.id: ${UNLISTED_SLUGS[String(issue.input)] ?? ''}`,
        }).default(IDENTIFAI_DEFAULT_SLUG),
        ocrKtpSlug: Slug.default('ocr-ktp'),
        pollDeadlineSeconds: z.number().min(1).max(600).default(120),
        /** Status requests per job at most; whichever of this and the deadline comes first ends the wait. */
        maxPollsPerJob: z.number().int().min(1).max(1000).default(60),
        /** [UNCONFIRMED] how long an HMAC signature is reused (never past its UTC day). */
        signatureMaxAgeSeconds: z.number().int().min(60).max(86_400).default(3600),
        /** [UNCONFIRMED] how syncv2 requests are authorised (the seed: a submission token on "all requests"). */
        syncAuthorisation: z.enum(['submission_token', 'hmac']).default('submission_token'),
      })
      .strict()
      .prefault({}),
    incode: z
      .object({
        /** The flow configured in Incode's dashboard; unset means the account's default flow. */
        configurationId: z.string().min(1).optional(),
        countryCode: z.string().min(2).default('ALL'),
        pollDeadlineSeconds: z.number().int().min(5).max(600).default(120),
        /** Onboarding-status requests per wait at most. */
        maxPolls: z.number().int().min(1).max(1000).default(60),
        /**
         * When /omni/finish-status is called: once at the onboarding deadline (default: some flows never
         * finish without it), also after every finished onboarding (the seed's step 8), or never.
         */
        finishStatus: z.enum(FINISH_STATUS_MODES).default('on_deadline'),
        /** [UNCONFIRMED] query parameter naming the interview on the onboarding status; null = none. */
        onboardingStatusIdParam: z
          .string()
          .regex(/^[A-Za-z][A-Za-z0-9_]*$/)
          .nullable()
          .default(null),
      })
      .strict()
      .prefault({}),
    sync: z
      .object({
        /** Records with the provider at once. */
        concurrency: z.number().int().min(1).max(16).default(2),
        /** First retry within this many seconds (full jitter), doubling per attempt up to the cap. */
        backoffBaseSeconds: z.number().min(0.05).max(3600).default(5),
        backoffCapSeconds: z.number().min(0.05).max(86_400).default(900),
        /** How often an unreachable provider is probed. */
        probeIntervalSeconds: z.number().min(0.05).max(3600).default(15),
        /** One HTTP request to the provider may take this long before it counts as a time-out. */
        requestTimeoutSeconds: z.number().min(0.1).max(300).default(20),
      })
      .strict()
      .default({
        concurrency: 2,
        backoffBaseSeconds: 5,
        backoffCapSeconds: 900,
        probeIntervalSeconds: 15,
        requestTimeoutSeconds: 20,
      }),
    faceverify: z
      .object({
        country: z.string().min(2).default('ID'),
        /** 'window': a locked-down window on the kiosk; 'qr': a QR code for the customer's phone. */
        display: z.enum(['window', 'qr']).default('window'),
        /** How long a customer may take in the hosted flow before the record is retried later. */
        sessionDeadlineSeconds: z.number().int().min(30).max(3600).default(600),
        /** Status requests per session at most. */
        maxPolls: z.number().int().min(1).max(1000).default(200),
        /**
         * [UNCONFIRMED] the session status endpoint, `{sessionId}` replaced; null = none (nothing is polled, and
         * records go to review: Loket cannot read faceverify's result).
         */
        statusPath: z
          .string()
          .regex(/^\/[A-Za-z0-9\-._~/{}]*$/, 'must be a path such as /api/v1/session/{sessionId}')
          .refine((path) => path.includes('{sessionId}'), 'must contain {sessionId}')
          .nullable()
          .default('/api/v1/session/{sessionId}'),
        /** [UNCONFIRMED] sent as `returnUrl` when set: where the hosted flow sends the person when done. */
        returnUrl: z.url({ protocol: /^https?$/ }).optional(),
      })
      .strict()
      .prefault({}),
    /**
     * How long data is kept once a record is final (decided or failed), counted from its decision: the
     * photos for imageDays, the whole record for recordDays. A record abandoned before it was submitted
     * (captured, or sent back for a retake, and untouched since) is deleted whole after abandonedDays: the
     * customer has left, and their photos must not stay forever. Records in the queue are never purged.
     */
    retention: z
      .object({
        imageDays: z.number().int().min(1).max(36_500).default(30),
        recordDays: z.number().int().min(1).max(36_500).default(365),
        abandonedDays: z.number().int().min(1).max(36_500).default(30),
      })
      .strict()
      .refine((r) => r.recordDays >= r.imageDays, {
        message: 'recordDays must be at least imageDays',
        path: ['recordDays'],
      })
      .default({ imageDays: 30, recordDays: 365, abandonedDays: 30 }),
    /** Staff sign-in at an assisted desk (main/accounts). */
    accounts: z
      .object({
        /**
         * In assisted mode, refuse every verification channel until someone is signed in (the default: every
         * record names who served the customer). Off, a desk works unsigned and its records name nobody;
         * review channels need a signed-in operator always.
         */
        requireSignIn: z.boolean().default(ACCOUNT_DEFAULTS.requireSignIn),
        /** Consecutive wrong passwords that lock an account… */
        maxFailedSignIns: z.number().int().min(1).max(50).default(ACCOUNT_DEFAULTS.maxFailedSignIns),
        /** …for this long. */
        lockoutMinutes: z.number().int().min(1).max(1440).default(ACCOUNT_DEFAULTS.lockoutMinutes),
        /** A signed-in operator with no activity for this long is signed out. */
        idleSignOutMinutes: z.number().min(0.05).max(480).default(ACCOUNT_DEFAULTS.idleSignOutMinutes),
      })
      .strict()
      .default(ACCOUNT_DEFAULTS),
    /** The unattended kiosk (mode 'self_service'). */
    selfService: z
      .object({
        /** No touch for this long shows the countdown… */
        idleSeconds: z.number().int().min(10).max(600).default(SELF_SERVICE_DEFAULTS.idleSeconds),
        /** …which runs this long before the customer's session is wiped and the kiosk returns to attract. */
        countdownSeconds: z.number().int().min(3).max(120).default(SELF_SERVICE_DEFAULTS.countdownSeconds),
        /** The result screen returns to attract after this long. */
        resultSeconds: z.number().int().min(3).max(300).default(SELF_SERVICE_DEFAULTS.resultSeconds),
      })
      .strict()
      .default(SELF_SERVICE_DEFAULTS),
    /** The capture check and the live guidance: thresholds, auto-capture timings, the card crop. */
    capture: CaptureSettingsSchema,
  })
  .strict();

export type Settings = z.output<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export interface LoadOptions {
  /** A packaged kiosk: the provider must be named, and the provider URL must be https (or loopback). */
  packaged?: boolean;
}

/** Reads DIR/settings.json if it exists and applies overrides; a malformed file is a clear error. */
export function loadSettings(
  dataDir: string,
  overrides: SettingsInput = {},
  options: LoadOptions = {},
): Settings {
  const path = join(dataDir, 'settings.json');
  const fromFile = readSettingsFile(path);
  const merged = { ...fromFile, ...withoutUndefined(overrides) };
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new SettingsError(`Invalid settings (${path} and command line): ${detail}`);
  }
  if (options.packaged) {
    const problems = packagedSettingsProblems({
      fromFile: merged,
      providerUrl: parsed.data.providerUrl,
      settingsPath: path,
    });
    if (problems.length > 0) throw new SettingsError(`Loket is not set up: ${problems.join(' ')}`);
  }
  return parsed.data;
}

function readSettingsFile(path: string): Record<string, unknown> {
  let fromFile: unknown;
  try {
    fromFile = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return {};
    throw new SettingsError(`${path} is not valid JSON: ${error instanceof Error ? error.message : ''}`);
  }
  if (fromFile === null || typeof fromFile !== 'object' || Array.isArray(fromFile)) {
    throw new SettingsError(`${path} must hold one JSON object of settings.`);
  }
  return fromFile as Record<string, unknown>;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
