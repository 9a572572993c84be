import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../../main/config/settings';

const dir = () => mkdtempSync(join(tmpdir(), 'loket-settings-'));

describe('settings', () => {
  it('defaults to training mode in Indonesian with the provider documented thresholds', () => {
    expect(loadSettings(dir())).toMatchObject({
      provider: 'sandbox',
      defaultLanguage: 'id',
      kiosk: false,
      identifai: { mode: 'async', livenessThreshold: 0.6, similarityThreshold: 0.7, ocrKtpSlug: 'ocr-ktp' },
    });
  });

  it('reads settings.json and lets the command line override it', () => {
    const d = dir();
    writeFileSync(
      join(d, 'settings.json'),
      JSON.stringify({
        provider: 'identifai',
        kiosk: true,
        identifai: { mode: 'syncv2', livenessThreshold: 0.8 },
      }),
    );
    const fromFile = loadSettings(d);
    expect(fromFile).toMatchObject({
      provider: 'identifai',
      kiosk: true,
      identifai: { mode: 'syncv2', livenessThreshold: 0.8, similarityThreshold: 0.7 },
    });
    expect(loadSettings(d, { provider: 'sandbox', providerUrl: 'http://127.0.0.1:9' })).toMatchObject({
      provider: 'sandbox',
      providerUrl: 'http://127.0.0.1:9',
      kiosk: true,
    });
  });

  it('refuses a malformed file or an unknown setting with a clear message', () => {
    const broken = dir();
    writeFileSync(join(broken, 'settings.json'), '{ provider: ');
    expect(() => loadSettings(broken)).toThrow(SettingsError);
    const unknown = dir();
    writeFileSync(join(unknown, 'settings.json'), JSON.stringify({ provider: 'acme' }));
    expect(() => loadSettings(unknown)).toThrow(/provider/);
    const typo = dir();
    writeFileSync(join(typo, 'settings.json'), JSON.stringify({ kiosk: true, secretKey: 'x' }));
    expect(() => loadSettings(typo)).toThrow(/secretKey|Unrecognized/);
    expect(() => loadSettings(dir(), { providerUrl: 'not a url' })).toThrow(SettingsError);
  });
});
