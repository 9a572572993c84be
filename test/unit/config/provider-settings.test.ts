// The IdentifAI analytics slugs in settings.json: the default is one the seed lists for api.identifai.id, and
// the old plain slug, which that host answers 404, stops the start with a message naming the setting and the
// fix rather than failing every customer.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDENTIFAI_DEFAULT_SLUG, loadSettings, SettingsError } from '../../../main/config/settings';
import { IDENTIFAI_DEFAULTS } from '../../../main/providers/identifai/client';
import { LISTED_SLUGS } from '../../../main/sandbox/identifai/catalogue';

const dir = (settings?: unknown) => {
  const d = mkdtempSync(join(tmpdir(), 'loket-provider-settings-'));
  if (settings !== undefined) writeFileSync(join(d, 'settings.json'), JSON.stringify(settings));
  return d;
};

describe('provider settings', () => {
  it('the IdentifAI slugs default to ones the seed lists for api.identifai.id, as the client does', () => {
    const { identifai } = loadSettings(dir());
    expect(identifai.faceMatchLivenessSlug).toBe('face-match-liveness-v1');
    expect(IDENTIFAI_DEFAULTS.slugs.faceMatchLiveness).toBe(IDENTIFAI_DEFAULT_SLUG);
    expect(LISTED_SLUGS.has(identifai.faceMatchLivenessSlug)).toBe(true);
    expect(LISTED_SLUGS.has(identifai.ocrKtpSlug)).toBe(true);
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
});
