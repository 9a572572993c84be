// The record view: a self-service record, or any record on a self-service kiosk, carries no personal data;
// an assisted one carries the desk's part (flags, corrected fields, confirmation) once decided.
import { describe, expect, it } from 'vitest';
import { createRecord, getRecord, transition } from '../../../main/store/records';
import { toView } from '../../../main/verification/view';
import { T0, at, tempStore } from '../store/temp-store';

const NIK = '3174054507900012';
const OCR = { nik: NIK, name: 'SITI AMINAH', address: 'JL. MELATI NO. 4', birthDate: '05-07-1990' };

function decided(mode: 'assisted' | 'self_service') {
  const store = tempStore();
  const id = mode === 'assisted' ? '01JDZ8K000ASSISTED0K7Q43ZPX' : '01JDZ8K000SELFSERV0K7Q43ZPY';
  createRecord(store, { id, mode, provider: 'identifai', now: T0, operator: 'ACC1', kioskId: 'JKT-01' });
  transition(store, id, { from: ['captured'], to: 'pending', now: at(1) });
  transition(store, id, { from: ['pending'], to: 'in_progress', now: at(1) });
  transition(store, id, {
    from: ['in_progress'],
    to: 'decided',
    patch: {
      decision: 'verified',
      liveness: 0.97,
      live: true,
      similarity: 0.9,
      match: true,
      ocr: OCR,
      providerMessage: 'Face Match Liveness Success',
      nikFlags: ['sex_unreadable'],
    },
    now: at(2),
  });
  const record = getRecord(store, id);
  if (!record) throw new Error('no record');
  return record;
}

describe('the record view', () => {
  it('shows a self-service record with no personal data, only the outcome and a reference code', () => {
    const view = toView(decided('self_service'), ['id_card', 'selfie'], { kioskMode: 'self_service' });
    expect(view.outcome).toEqual({
      decision: 'verified',
      liveness: null,
      live: null,
      similarity: null,
      match: null,
      ocr: {},
      providerMessage: 'Face Match Liveness Success',
    });
    expect(view.review).toBeNull();
    expect(view.referenceCode).toBe('K7Q4-3ZPY');
    const text = JSON.stringify(view);
    for (const personal of [NIK, 'SITI', 'MELATI', '05-07-1990', '0.97'])
      expect(text).not.toContain(personal);
  });

  it('withholds an assisted record’s personal data too when the kiosk is self-service', () => {
    const view = toView(decided('assisted'), [], { kioskMode: 'self_service' });
    expect(view.outcome?.ocr).toEqual({});
    expect(JSON.stringify(view)).not.toContain(NIK);
  });

  it('shows an assisted record’s fields, scores and desk review at the desk', () => {
    const view = toView(decided('assisted'), ['id_card'], {
      kioskMode: 'assisted',
      correctedFields: ['name', 'name'],
    });
    expect(view.outcome).toMatchObject({ liveness: 0.97, ocr: OCR });
    expect(view).toMatchObject({
      operator: 'ACC1',
      kioskId: 'JKT-01',
      referenceCode: 'K7Q4-3ZPX',
      review: { flags: ['sex_unreadable'], correctedFields: ['name'], confirmation: null },
    });
  });
});
