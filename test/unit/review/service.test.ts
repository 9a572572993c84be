// The desk's review on a real store: corrections keep the provider's reading and recompute the flags, a
// confirmation against open flags or the provider needs a typed reason, and the audit log gets field names
// and ids, never values.
import { describe, expect, it } from 'vitest';
import { createReviewService } from '../../../main/review/service';
import { createRecord, getRecord, putImage, transition } from '../../../main/store/records';
import type { Store } from '../../../main/store/connection';
import { FakeClock } from '../../support/clocks';
import { recordingAudit } from '../accounts/fixtures';
import { T0, at, tempStore } from '../store/temp-store';

const ID = 'REVIEWREC001';
// A woman's NIK (day 45 = 5 + 40), but the OCR read the sex as male: one open flag.
const READ = { nik: '3174054507900012', name: 'SlTI AMINAH', birthDate: '05-07-1990', sex: 'LAKI-LAKI' };
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

function decidedRecord(
  store: Store,
  options: { decision?: 'verified' | 'needs_review'; mode?: 'assisted' | 'self_service' } = {},
) {
  createRecord(store, {
    id: ID,
    mode: options.mode ?? 'assisted',
    provider: 'incode',
    now: T0,
    operator: 'ACC1',
  });
  putImage(store, ID, 'id_card', JPEG, T0);
  transition(store, ID, { from: ['captured'], to: 'pending', now: at(1) });
  transition(store, ID, { from: ['pending'], to: 'in_progress', now: at(1) });
  transition(store, ID, {
    from: ['in_progress'],
    to: 'decided',
    patch: {
      decision: options.decision ?? 'verified',
      ocr: READ,
      providerMessage: 'OK',
      nikFlags: ['sex_mismatch'],
    },
    now: at(2),
  });
}

function setup(options: Parameters<typeof decidedRecord>[1] = {}) {
  const store = tempStore();
  const audit = recordingAudit();
  const clock = new FakeClock(Date.parse('2026-12-01T09:00:00.000Z'));
  decidedRecord(store, options);
  return { store, audit, clock, review: createReviewService({ store, clock, audit }) };
}

describe('review', () => {
  it('shows what was read, the flags and the photo’s presence', () => {
    const { review } = setup();
    expect(review.get(ID)).toMatchObject({
      recordId: ID,
      providerDecision: 'verified',
      read: READ,
      fields: READ,
      corrections: [],
      flags: ['sex_mismatch'],
      hasIdPhoto: true,
      confirmation: null,
    });
  });

  it('keeps the original when a field is corrected, says who and when, and recomputes the flags', () => {
    const { review, store, audit, clock } = setup();
    const after = review.correct({ recordId: ID, field: 'sex', value: 'PEREMPUAN' }, 'ACC2');
    expect(after.read).toEqual(READ);
    expect(after.fields).toEqual({ ...READ, sex: 'PEREMPUAN' });
    expect(after.corrections).toEqual([
      {
        field: 'sex',
        before: 'LAKI-LAKI',
        after: 'PEREMPUAN',
        by: 'ACC2',
        at: new Date(clock.now()).toISOString(),
      },
    ]);
    expect(after.flags).toEqual([]);
    expect(getRecord(store, ID)?.ocr).toEqual(READ);
    expect(getRecord(store, ID)?.nikFlags).toEqual([]);
    expect(audit.entries).toEqual([
      { action: 'field_corrected', actor: 'ACC2', recordId: ID, details: { field: 'sex' } },
    ]);
  });

  it('normalises a corrected NIK, records nothing for an unchanged value, and audits no value', () => {
    const { review, audit } = setup();
    const after = review.correct({ recordId: ID, field: 'nik', value: '3174 0545 0790 0013' }, 'ACC2');
    expect(after.fields.nik).toBe('3174054507900013');
    expect(
      review.correct({ recordId: ID, field: 'nik', value: '3174054507900013' }, 'ACC2').corrections,
    ).toHaveLength(1);
    expect(JSON.stringify(audit.entries)).not.toMatch(/3174/);
    // A name the OCR misread (l for i) is corrected the same way, and a later correction builds on it.
    review.correct({ recordId: ID, field: 'name', value: 'SITI AMINAH' }, 'ACC2');
    const last = review.correct({ recordId: ID, field: 'name', value: 'SITI AMINAH S' }, 'ACC3');
    expect(last.corrections.map((c) => [c.field, c.before, c.after])).toEqual([
      ['nik', '3174054507900012', '3174054507900013'],
      ['name', 'SlTI AMINAH', 'SITI AMINAH'],
      ['name', 'SITI AMINAH', 'SITI AMINAH S'],
    ]);
  });

  it('refuses to confirm as verified with open flags unless staff type a reason', () => {
    const { review, audit } = setup();
    expect(() => review.confirm({ recordId: ID, decision: 'verified' }, 'ACC2')).toThrow(
      expect.objectContaining({ code: 'reason_required' }),
    );
    expect(() => review.confirm({ recordId: ID, decision: 'verified', reason: '   ' }, 'ACC2')).toThrow(
      expect.objectContaining({ code: 'reason_required' }),
    );
    expect(review.get(ID).confirmation).toBeNull();
    const done = review.confirm(
      { recordId: ID, decision: 'verified', reason: 'Checked the card by hand: the OCR misread the sex.' },
      'ACC2',
    );
    expect(done.confirmation).toMatchObject({
      decision: 'verified',
      by: 'ACC2',
      reason: expect.stringContaining('by hand') as string,
    });
    expect(done.providerDecision).toBe('verified');
    expect(audit.entries.at(-1)).toEqual({
      action: 'review_confirmed',
      actor: 'ACC2',
      recordId: ID,
      details: { decision: 'verified', providerDecision: 'verified', flags: 1, reasonGiven: true },
    });
  });

  it('confirms as verified without a reason once the flags are clear; not verified never needs one', () => {
    const clear = setup();
    clear.review.correct({ recordId: ID, field: 'sex', value: 'PEREMPUAN' }, 'ACC2');
    expect(
      clear.review.confirm({ recordId: ID, decision: 'verified' }, 'ACC2').confirmation?.reason,
    ).toBeNull();
    const refused = setup();
    expect(
      refused.review.confirm({ recordId: ID, decision: 'not_verified' }, 'ACC2').confirmation?.decision,
    ).toBe('not_verified');
  });

  it('needs a reason to confirm as verified what the provider did not verify, and keeps both decisions', () => {
    const { review, store } = setup({ decision: 'needs_review' });
    review.correct({ recordId: ID, field: 'sex', value: 'PEREMPUAN' }, 'ACC2');
    expect(() => review.confirm({ recordId: ID, decision: 'verified' }, 'ACC2')).toThrow(
      expect.objectContaining({ code: 'reason_required' }),
    );
    review.confirm(
      { recordId: ID, decision: 'verified', reason: 'Seen in person with a second ID.' },
      'ACC2',
    );
    expect(getRecord(store, ID)).toMatchObject({
      decision: 'needs_review',
      confirmedDecision: 'verified',
      status: 'decided',
    });
  });

  it('freezes a confirmed record', () => {
    const { review } = setup();
    review.confirm({ recordId: ID, decision: 'not_verified' }, 'ACC2');
    expect(() => review.correct({ recordId: ID, field: 'name', value: 'X' }, 'ACC2')).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
    expect(() => review.confirm({ recordId: ID, decision: 'not_verified' }, 'ACC2')).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });

  it('hands the ID photo to the desk, audited as photo_viewed', () => {
    const { review, audit } = setup();
    expect(review.idPhoto(ID, 'ACC2')).toEqual({ mime: 'image/jpeg', imageBase64: JPEG.toString('base64') });
    expect(audit.entries).toEqual([
      { action: 'photo_viewed', actor: 'ACC2', recordId: ID, details: { kind: 'id_card' } },
    ]);
  });

  it('does not review a self-service record, one not decided, or one that does not exist', () => {
    expect(() => setup({ mode: 'self_service' }).review.get(ID)).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
    const store = tempStore();
    createRecord(store, { id: 'CAPTURED0001', mode: 'assisted', provider: 'incode', now: T0 });
    const review = createReviewService({ store, clock: new FakeClock(), audit: recordingAudit() });
    expect(() => review.get('CAPTURED0001')).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(() => review.get('NOSUCHREC01')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
