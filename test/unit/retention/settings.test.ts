import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../../main/config/settings';
import { tempDir } from '../store/temp-store';

function withSettings(json: unknown): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(json));
  return dir;
}

describe('settings: retention', () => {
  it('defaults to photos for 30 days, records for 365, abandoned captures for 30', () => {
    expect(loadSettings(tempDir()).retention).toEqual({ imageDays: 30, recordDays: 365, abandonedDays: 30 });
  });

  it('takes either value from settings.json, defaulting the other', () => {
    expect(loadSettings(withSettings({ retention: { imageDays: 7 } })).retention).toEqual({
      imageDays: 7,
      recordDays: 365,
      abandonedDays: 30,
    });
    expect(loadSettings(withSettings({ retention: { imageDays: 90, recordDays: 90 } })).retention).toEqual({
      imageDays: 90,
      recordDays: 90,
      abandonedDays: 30,
    });
  });

  it.each([
    [
      'records kept shorter than photos',
      { imageDays: 60, recordDays: 30 },
      /retention\.recordDays: recordDays must be at least imageDays/,
    ],
    ['a zero', { imageDays: 0 }, /retention\.imageDays/],
    ['a fraction', { recordDays: 36.5 }, /retention\.recordDays/],
    ['a string', { imageDays: '30' }, /retention\.imageDays/],
    ['an unknown key', { imagesDays: 30 }, /imagesDays|Unrecognized/],
  ])('refuses %s', (_label, retention, message) => {
    const dir = withSettings({ retention });
    expect(() => loadSettings(dir)).toThrow(SettingsError);
    expect(() => loadSettings(dir)).toThrow(message);
  });
});
