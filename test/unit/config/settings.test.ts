import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKioskId } from '../../../main/config/kiosk-id';
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

describe('kiosk mode, accounts and self-service settings', () => {
  it('defaults to an assisted desk with the documented sign-in and self-service timings', () => {
    expect(loadSettings(dir())).toMatchObject({
      mode: 'assisted',
      kioskId: expect.stringMatching(/^kiosk/) as string,
      accounts: { requireSignIn: true, maxFailedSignIns: 5, lockoutMinutes: 15, idleSignOutMinutes: 10 },
      selfService: { idleSeconds: 60, countdownSeconds: 15, resultSeconds: 15 },
    });
  });

  it('reads a self-service kiosk with its own id and partial groups', () => {
    const d = dir();
    writeFileSync(
      join(d, 'settings.json'),
      JSON.stringify({
        mode: 'self_service',
        kioskId: 'JKT-01.lobby',
        accounts: { lockoutMinutes: 30 },
        selfService: { idleSeconds: 90 },
      }),
    );
    expect(loadSettings(d)).toMatchObject({
      mode: 'self_service',
      kioskId: 'JKT-01.lobby',
      accounts: { maxFailedSignIns: 5, lockoutMinutes: 30 },
      selfService: { idleSeconds: 90, countdownSeconds: 15 },
    });
  });

  it.each([
    [{ mode: 'unattended' }, /mode/],
    [{ kioskId: 'lobby kiosk' }, /kioskId: a kiosk id is/],
    [{ kioskId: '' }, /kioskId/],
    [{ accounts: { maxFailedSignIns: 0 } }, /accounts.maxFailedSignIns/],
    [{ accounts: { lockout: 5 } }, /accounts/],
    [{ selfService: { idleSeconds: 1 } }, /selfService.idleSeconds/],
  ])('refuses %j, naming the setting', (settings, problem) => {
    const d = dir();
    writeFileSync(join(d, 'settings.json'), JSON.stringify(settings));
    expect(() => loadSettings(d)).toThrow(problem);
  });

  it('derives a valid default kiosk id from any host name', () => {
    expect(defaultKioskId('Teller-PC07.branch.local')).toBe('kiosk-teller-pc07.branch.local');
    expect(defaultKioskId('Kasir Utama #2')).toBe('kiosk-kasir-utama-2');
    expect(defaultKioskId('___')).toBe('kiosk');
    expect(defaultKioskId('x'.repeat(200))).toMatch(/^kiosk-x{58}$/);
  });
});

describe('a packaged kiosk', () => {
  const packaged = { packaged: true };
  const withFile = (settings: unknown) => {
    const d = dir();
    writeFileSync(join(d, 'settings.json'), JSON.stringify(settings));
    return d;
  };

  it('does not start in training mode because no provider was named', () => {
    expect(() => loadSettings(dir(), {}, packaged)).toThrow(/does not name a "provider"/);
    expect(() => loadSettings(withFile({ kiosk: true }), {}, packaged)).toThrow(SettingsError);
    // A checkout still defaults to training mode.
    expect(loadSettings(dir()).provider).toBe('sandbox');
  });

  it('starts when the provider is named, training included (which then says so everywhere)', () => {
    expect(loadSettings(withFile({ provider: 'incode' }), {}, packaged).provider).toBe('incode');
    expect(loadSettings(withFile({ provider: 'sandbox' }), {}, packaged).provider).toBe('sandbox');
  });

  it('refuses a plain-http provider URL unless it is this machine', () => {
    expect(() =>
      loadSettings(withFile({ provider: 'identifai', providerUrl: 'http://api.identifai.id' }), {}, packaged),
    ).toThrow(/https/);
    for (const url of ['https://api.identifai.id', 'http://127.0.0.1:4500', 'http://localhost:4500']) {
      expect(
        loadSettings(withFile({ provider: 'identifai', providerUrl: url }), {}, packaged).providerUrl,
      ).toBe(url);
    }
    // A checkout may point at anything (a colleague's sandbox on the LAN, say).
    expect(
      loadSettings(withFile({ provider: 'identifai', providerUrl: 'http://10.0.0.5:4500' })).provider,
    ).toBe('identifai');
  });

  it('refuses a settings file that is not one object', () => {
    expect(() => loadSettings(withFile([1, 2]))).toThrow(/one JSON object/);
  });
});
