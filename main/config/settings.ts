// Kiosk settings: everything a branch's IT team may set that is not a secret. They live in
// DIR/settings.json (optional; every field has a default) and can be overridden per run by the host's
// command line. Credentials never live here: they are in the OS keychain (main/keys).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROVIDER_NAMES } from '../../common/providers';
import { isTimeZone } from '../lib/local-day';
import { packagedSettingsProblems } from './packaged';

export const SettingsSchema = z
  .object({
    provider: z.enum(PROVIDER_NAMES).default('sandbox'),
    /** Base URL of the provider; unset means the provider's documented production URL. */
    providerUrl: z.url().optional(),
    defaultLanguage: z.enum(['id', 'en']).default('id'),
    /** Electron only: full-screen kiosk window (self-service) or a normal window (assisted desk). */
    kiosk: z.boolean().default(false),
    fullscreen: z.boolean().default(false),
    /** Names this kiosk in exports (the bank's branch and counter code); unset means the machine's host name. */
    kioskId: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore; at most 64')
      .optional(),
    /**
     * The zone of the kiosk's local day (exports, `audit list --day`): Asia/Jakarta (WIB), Asia/Makassar
     * (WITA) or Asia/Jayapura (WIT) in Indonesia, any IANA zone elsewhere; unset means the machine's zone.
     */
    timeZone: z.string().refine(isTimeZone, 'not a time zone (e.g. Asia/Jakarta)').optional(),
    identifai: z
      .object({
        mode: z.enum(['async', 'syncv2']).default('async'),
        livenessThreshold: z.number().min(0).max(1).default(0.6),
        similarityThreshold: z.number().min(0).max(1).default(0.7),
        faceMatchLivenessSlug: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .default('face-match-liveness'),
        ocrKtpSlug: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .default('ocr-ktp'),
        pollDeadlineSeconds: z.number().min(1).max(600).default(120),
      })
      .strict()
      .default({
        mode: 'async',
        livenessThreshold: 0.6,
        similarityThreshold: 0.7,
        faceMatchLivenessSlug: 'face-match-liveness',
        ocrKtpSlug: 'ocr-ktp',
        pollDeadlineSeconds: 120,
      }),
    incode: z
      .object({
        /** The flow configured in Incode's dashboard; unset means the account's default flow. */
        configurationId: z.string().min(1).optional(),
        countryCode: z.string().min(2).default('ALL'),
        pollDeadlineSeconds: z.number().int().min(5).max(600).default(120),
      })
      .strict()
      .default({ countryCode: 'ALL', pollDeadlineSeconds: 120 }),
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
      })
      .strict()
      .default({ country: 'ID', display: 'window', sessionDeadlineSeconds: 600 }),
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
