// The provider sections of settings.json: every [UNCONFIRMED] choice Loket makes is a setting with a
// documented default, checked by the schema, and an old value that would fail every customer stops the start
// with a message naming the setting and the fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDENTIFAI_DEFAULT_SLUG, loadSettings, SettingsError } from '../../../main/config/settings';
import { FACEVERIFY_DEFAULTS } from '../../../main/providers/faceverify/client';
import { IDENTIFAI_DEFAULTS } from '../../../main/providers/identifai/client';
import { INCODE_DEFAULTS } from '../../../main/providers/incode/client';
import { LISTED_SLUGS } from '../../../main/sandbox/identifai/catalogue';

const dir = (settings?: unknown) => {
  const d = mkdtempSync(join(tmpdir(), 'loket-provider-settings-'));
  if (settings !== undefined) writeFileSync(join(d, 'settings.json'), JSON.stringify(settings));
  return d;
};

describe('provider settings', () => {
  it('defaults every provider knob to the documented or likeliest value', () => {
    const settings = loadSettings(dir());
    expect(settings.identifai).toEqual({
      mode: 'async',
      livenessThreshold: 0.6,
      similarityThreshold: 0.7,
      faceMatchLivenessSlug: 'face-match-liveness-v1',
      ocrKtpSlug: 'ocr-ktp',
      pollDeadlineSeconds: 120,
      maxPollsPerJob: 60,
      signatureMaxAgeSeconds: 3600,
      syncAuthorisation: 'submission_token',
    });
    expect(settings.incode).toEqual({
      countryCode: 'ALL',
      pollDeadlineSeconds: 120,
      maxPolls: 60,
      finishStatus: 'on_deadline',
      onboardingStatusIdParam: null,
    });
    expect(settings.faceverify).toEqual({
      country: 'ID',
      display: 'window',
      sessionDeadlineSeconds: 600,
      maxPolls: 200,
      statusPath: '/api/v1/session/{sessionId}',
    });
  });

  it('matches the clients’ own defaults, and the IdentifAI slugs are ones the seed lists for api.identifai.id', () => {
    const { identifai, incode, faceverify } = loadSettings(dir());
    expect(IDENTIFAI_DEFAULTS.slugs.faceMatchLiveness).toBe(IDENTIFAI_DEFAULT_SLUG);
    expect(LISTED_SLUGS.has(identifai.faceMatchLivenessSlug)).toBe(true);
    expect(LISTED_SLUGS.has(identifai.ocrKtpSlug)).toBe(true);
    expect(identifai.maxPollsPerJob).toBe(IDENTIFAI_DEFAULTS.poll.maxPolls);
    expect(identifai.signatureMaxAgeSeconds * 1000).toBe(IDENTIFAI_DEFAULTS.signatureMaxAgeMs);
    expect(incode.maxPolls).toBe(INCODE_DEFAULTS.poll.maxPolls);
    expect(faceverify.maxPolls).toBe(FACEVERIFY_DEFAULTS.poll.maxPolls);
    expect(faceverify.statusPath).toBe(FACEVERIFY_DEFAULTS.statusPath);
  });

  it('stops the start on the old face-match-liveness slug, naming the setting and the fix', () => {
    const d = dir({ provider: 'identifai', identifai: { faceMatchLivenessSlug: 'face-match-liveness' } });
    expect(() => loadSettings(d)).toThrow(SettingsError);
    expect(() => loadSettings(d)).toThrow(
      /identifai\.faceMatchLivenessSlug: "face-match-liveness" is not served by api\.identifai\.id.*face-match-liveness-v1/,
    );
    // Either listed version, or another slug a branch's gateway serves, is accepted as set.
    for (const slug of ['face-match-liveness-v2', 'face-match-liveness-v1', 'custom-fml']) {
      expect(
        loadSettings(dir({ identifai: { faceMatchLivenessSlug: slug } })).identifai.faceMatchLivenessSlug,
      ).toBe(slug);
    }
  });

  it('takes the [UNCONFIRMED] knobs from settings.json, keeping the other defaults', () => {
    const settings = loadSettings(
      dir({
        identifai: { syncAuthorisation: 'hmac', signatureMaxAgeSeconds: 300, maxPollsPerJob: 10 },
        incode: { finishStatus: 'always', onboardingStatusIdParam: 'interviewId', maxPolls: 5 },
        faceverify: { statusPath: null, returnUrl: 'https://bank.example/loket/done', maxPolls: 3 },
      }),
    );
    expect(settings.identifai).toMatchObject({
      syncAuthorisation: 'hmac',
      signatureMaxAgeSeconds: 300,
      mode: 'async',
    });
    expect(settings.incode).toMatchObject({ finishStatus: 'always', onboardingStatusIdParam: 'interviewId' });
    expect(settings.faceverify).toMatchObject({
      statusPath: null,
      returnUrl: 'https://bank.example/loket/done',
      display: 'window',
    });
  });

  it('refuses values that cannot work, naming each', () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ faceverify: { statusPath: 'api/v1/session' } }, /faceverify\.statusPath/],
      [
        { faceverify: { statusPath: '/api/v1/session' } },
        /faceverify\.statusPath: must contain \{sessionId\}/,
      ],
      [{ faceverify: { returnUrl: 'javascript:alert(1)' } }, /faceverify\.returnUrl/],
      [{ incode: { finishStatus: 'sometimes' } }, /incode\.finishStatus/],
      [{ incode: { onboardingStatusIdParam: 'id=1&x' } }, /incode\.onboardingStatusIdParam/],
      [{ identifai: { syncAuthorisation: 'none' } }, /identifai\.syncAuthorisation/],
      [{ identifai: { maxPollsPerJob: 0 } }, /identifai\.maxPollsPerJob/],
      [{ identifai: { signatureMaxAgeSeconds: 10 } }, /identifai\.signatureMaxAgeSeconds/],
    ];
    for (const [settings, message] of bad) expect(() => loadSettings(dir(settings))).toThrow(message);
  });
});
