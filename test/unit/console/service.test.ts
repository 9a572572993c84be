// The console service on a real store and a real audit log: the day's counts (training apart), the paged
// and filtered list, search by reference code and full NIK, the masked detail with its timeline, reveal and
// photo (each audited, ids only), the review queue and the supervisor's decision beside the provider's.
import { describe, expect, it } from 'vitest';
import { referenceCode } from '../../../common/reference-code';
import { addCorrection, getRecord, transition } from '../../../main/store/records';
import { consoleHarness, DAY, JPEG, makeRecord, NIK, NOON_UTC } from './fixtures';

const SIXTEEN_DIGITS = /(?<!\d)\d{16}(?!\d)/;

describe('the day at a glance', () => {
  it('counts the real records by decision, provider and operator, with training apart and left out', async () => {
    const { store, service, audit } = await consoleHarness();
    makeRecord(store, { id: 'DAYREC00001', decision: 'verified', operator: 'ACC1', minute: 0 });
    makeRecord(store, { id: 'DAYREC00002', decision: 'not_verified', provider: 'incode', minute: 60 });
    makeRecord(store, { id: 'DAYREC00003', decision: 'needs_review', minute: 61 });
    makeRecord(store, { id: 'DAYREC00004', decision: null, minute: 62 });
    makeRecord(store, { id: 'DAYTRAIN001', decision: 'verified', provider: 'sandbox', minute: 5 });
    // 23:59 WIB the day before: not this day.
    makeRecord(store, { id: 'DAYBEFORE01', decision: 'verified', minute: -(15 * 60 + 1) });

    const day = service.day(DAY, false);
    expect(day.counts.records).toBe(4);
    expect(day.counts.byDecision).toEqual({ verified: 1, not_verified: 1, needs_review: 1, none: 1 });
    expect(day.counts.byProvider).toEqual({ identifai: 3, incode: 1 });
    // 15:00 WIB and 16:00 WIB.
    expect(day.counts.perHour[15]).toEqual({ verified: 1, not_verified: 0, needs_review: 0, undecided: 0 });
    expect(day.counts.perHour[16]).toEqual({ verified: 0, not_verified: 1, needs_review: 1, undecided: 1 });
    // Submitted at +12 s, decided at +20 s.
    expect(day.counts.medianSecondsToDecision).toBe(8);
    expect(day.trainingRecords).toBe(1);
    expect(day.training).toBeNull();
    expect(day.awaitingReview).toBe(1);
    expect(day.oldestWaitingSince).toBe(new Date(NOON_UTC + 62 * 60_000 + 12_000).toISOString());

    // By the last member of staff who acted; a supervisor who only looks does not become the operator.
    audit.append({ action: 'review_confirmed', actor: 'ACC1', recordId: 'DAYREC00001' });
    service.reveal('DAYREC00001', 'SUP1');
    service.photo('DAYREC00001', 'selfie', 'SUP1');
    expect(service.day(DAY, false).counts.byOperator).toEqual({ ACC1: 1, none: 3 });

    const withTraining = service.day(DAY, true);
    expect(withTraining.counts).toEqual({ ...day.counts, byOperator: { ACC1: 1, none: 3 } });
    expect(withTraining.training?.records).toBe(1);
    expect(withTraining.training?.byProvider).toEqual({ sandbox: 1 });
  });
});

describe('the records list', () => {
  it('pages a day newest first and filters by decision, status, operator, mode and provider', async () => {
    const { store, service } = await consoleHarness();
    for (let i = 0; i < 30; i++) {
      makeRecord(store, {
        id: `LISTREC${String(i).padStart(5, '0')}`,
        minute: i,
        decision: i % 3 === 0 ? 'needs_review' : 'verified',
        operator: i % 2 === 0 ? 'ACC1' : 'ACC2',
        mode: i % 5 === 0 ? 'self_service' : 'assisted',
      });
    }
    makeRecord(store, { id: 'LISTTRAIN01', provider: 'sandbox', minute: 40 });
    const first = service.records({ day: DAY });
    expect(first.total).toBe(30);
    expect(first.items).toHaveLength(25);
    expect(first.items[0]?.id).toBe('LISTREC00029');
    const second = service.records({ day: DAY, page: 2 });
    expect(second.items.map((item) => item.id)).toEqual([4, 3, 2, 1, 0].map((i) => `LISTREC0000${i}`));
    expect(service.records({ day: DAY, includeTraining: true }).total).toBe(31);
    expect(service.records({ day: DAY, decision: 'needs_review' }).total).toBe(10);
    expect(service.records({ day: DAY, operator: 'ACC2', decision: 'needs_review' }).total).toBe(5);
    expect(service.records({ day: DAY, mode: 'self_service' }).total).toBe(6);
    expect(service.records({ day: DAY, provider: 'incode' }).total).toBe(0);
    expect(service.records({ day: DAY, status: 'decided' }).total).toBe(30);
    expect(service.records({ day: '2026-01-06' }).total).toBe(0);
    // Masked: the NIK as on every screen, never in full.
    expect(first.items[0]?.nikMasked).toBe('3174**********12');
    expect(JSON.stringify(first)).not.toMatch(SIXTEEN_DIGITS);
    expect(() => service.records({ day: '2026-02-30' })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
  });

  it('finds a record by its reference code and by a NIK typed in full (audited, without the NIK)', async () => {
    const { store, service, entries } = await consoleHarness();
    const id = makeRecord(store, { id: '01KBQ6Z3W0K7Q4RSTVWX3ZPX' });
    makeRecord(store, { id: '01KBQ6Z3W0K7Q4RSTVWXAAAA', ocr: { nik: '3171010101900001' } });
    const code = referenceCode(id);
    expect(code).toBe('TVWX-3ZPX');
    expect(service.search({ reference: code.toLowerCase() }, 'SUP1').map((item) => item.id)).toEqual([id]);
    expect(service.search({ reference: 'tvwx3zpx' }, 'SUP1')).toHaveLength(1);
    expect(() => service.search({ reference: 'nope' }, 'SUP1')).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    expect(entries()).toEqual([]);

    expect(service.search({ nik: NIK }, 'SUP1').map((item) => item.id)).toEqual([id]);
    // A NIK that staff typed in as a correction is found too.
    addCorrection(store, '01KBQ6Z3W0K7Q4RSTVWXAAAA', {
      field: 'nik',
      before: '3171010101900001',
      after: '3171010101900002',
      by: 'ACC1',
      at: new Date(NOON_UTC).toISOString(),
    });
    expect(service.search({ nik: '3171010101900002' }, 'SUP1')).toHaveLength(1);
    expect(entries()).toEqual([
      { action: 'nik_searched', actor: 'SUP1', record_id: null, details: { results: 1 } },
      { action: 'nik_searched', actor: 'SUP1', record_id: null, details: { results: 1 } },
    ]);
  });
});

describe('one record', () => {
  it('is masked in detail, with its timeline; reveal and each photo view are audited with ids only', async () => {
    const { store, service, entries } = await consoleHarness();
    const id = makeRecord(store, { id: 'DETAILREC01', decision: 'needs_review', flags: ['sex_mismatch'] });
    addCorrection(store, id, {
      field: 'sex',
      before: 'LAKI-LAKI',
      after: 'PEREMPUAN',
      by: 'ACC1',
      at: '2026-01-05T08:01:00.000Z',
    });
    const detail = service.record(id);
    expect(detail).toMatchObject({
      id,
      decision: 'needs_review',
      awaiting: ['needs_review', 'nik_flags'],
      fieldsRead: ['nik', 'name', 'birthDate', 'sex'],
      flagCodes: ['sex_mismatch'],
      corrections: [{ field: 'sex', by: 'ACC1', at: '2026-01-05T08:01:00.000Z' }],
      images: ['id_card', 'selfie'],
      outcome: { liveness: 0.91, similarity: 0.88, providerMessage: 'OK' },
      attempts: 1,
    });
    const text = JSON.stringify(detail);
    expect(text).not.toMatch(SIXTEEN_DIGITS);
    expect(text).not.toContain('SITI');
    expect(text).not.toContain('PEREMPUAN');
    // The step's output (a job id, a token) never leaves main; its name and time do.
    expect(text).not.toContain('JOB-SECRET-TOKEN');
    expect(detail.timeline.map((entry) => (entry.kind === 'state' ? entry.state : entry.kind))).toEqual([
      'created',
      'captured',
      'submitted',
      'started',
      'step',
      'decided',
    ]);
    expect(entries()).toEqual([]);

    const revealed = service.reveal(id, 'SUP1');
    expect(revealed.read).toMatchObject({ nik: NIK, name: 'SITI AMINAH' });
    expect(revealed.fields.sex).toBe('PEREMPUAN');
    expect(revealed.corrections[0]).toMatchObject({ before: 'LAKI-LAKI', after: 'PEREMPUAN' });
    const photo = service.photo(id, 'selfie', 'SUP1');
    expect(Buffer.from(photo.imageBase64, 'base64')).toEqual(JPEG);
    expect(entries()).toEqual([
      { action: 'fields_revealed', actor: 'SUP1', record_id: id, details: { fields: 4, corrections: 1 } },
      { action: 'photo_viewed', actor: 'SUP1', record_id: id, details: { kind: 'selfie' } },
    ]);
    // The audit entries join the record's timeline.
    expect(service.record(id).timeline.filter((entry) => entry.kind === 'audit')).toHaveLength(2);
    expect(JSON.stringify(entries())).not.toMatch(SIXTEEN_DIGITS);
  });

  it('says so when there is no such record or the photo is gone, and audits nothing then', async () => {
    const { store, service, entries } = await consoleHarness();
    const id = makeRecord(store, { id: 'NOPHOTOS001', photos: false });
    expect(() => service.record('NOSUCHREC1')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => service.reveal('NOSUCHREC1', 'SUP1')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => service.photo(id, 'id_card', 'SUP1')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(entries()).toEqual([]);
  });
});

describe('the review queue', () => {
  it('holds needs_review records and assisted ones with open NIK flags, oldest first, training apart', async () => {
    const { store, service } = await consoleHarness();
    makeRecord(store, { id: 'QUEUEREC01', decision: 'needs_review', minute: 2 });
    makeRecord(store, { id: 'QUEUEREC02', decision: 'verified', flags: ['under_17'], minute: 1 });
    makeRecord(store, { id: 'QUEUEREC03', decision: 'verified', flags: ['under_17'], mode: 'self_service' });
    makeRecord(store, { id: 'QUEUEREC04', decision: 'verified' });
    makeRecord(store, { id: 'QUEUEREC05', decision: 'needs_review', mode: 'self_service', minute: 3 });
    makeRecord(store, { id: 'QUEUETRAIN', decision: 'needs_review', provider: 'sandbox' });
    makeRecord(store, { id: 'QUEUEPEND1', decision: null });
    const queue = service.queue(false);
    expect(queue.items.map((item) => [item.id, item.awaiting])).toEqual([
      ['QUEUEREC02', ['nik_flags']],
      ['QUEUEREC01', ['needs_review']],
      ['QUEUEREC05', ['needs_review']],
    ]);
    expect(queue.training).toBe(1);
    expect(service.queue(true).items.map((item) => item.id)).toContain('QUEUETRAIN');
  });

  it('stores an approval beside the provider’s decision and the desk’s, audited in the same transaction', async () => {
    const { store, service, entries } = await consoleHarness();
    const id = makeRecord(store, { id: 'DECIDEREC01', decision: 'needs_review', operator: 'ACC1' });
    transition(store, id, {
      from: ['decided'],
      to: 'decided',
      patch: {
        confirmedBy: 'ACC1',
        confirmedAt: '2026-01-05T08:05:00.000Z',
        confirmedDecision: 'not_verified',
        confirmReason: null,
      },
      now: '2026-01-05T08:05:00.000Z',
    });
    const reason = `Checked the original KTP ${NIK} at the counter`;
    const decided = service.decide({ recordId: id, action: 'approve', reason: `  ${reason} ` }, 'SUP1');
    expect(decided.supervisorDecision).toEqual({
      decision: 'approved',
      reason,
      by: 'SUP1',
      at: '2026-01-05T11:00:00.000Z',
    });
    expect(decided.supervisor).toBe('approved');
    expect(decided.awaiting).toEqual([]);
    // Beside, never over: the provider's decision and the desk's confirmation stay as they were.
    expect(getRecord(store, id)).toMatchObject({
      decision: 'needs_review',
      confirmedDecision: 'not_verified',
    });
    expect(service.queue(true).items).toEqual([]);
    const [entry] = entries();
    expect(entry).toMatchObject({
      action: 'supervisor_decision',
      actor: 'SUP1',
      record_id: id,
      details: {
        decision: 'approved',
        providerDecision: 'needs_review',
        deskDecision: 'not_verified',
        flags: 0,
        reasonLength: reason.length,
      },
    });
    expect(entry?.details.reasonHash).toMatch(/^[a-p]{24}$/);
    // The reason's text (which here even holds a NIK) never reaches the audit log.
    expect(JSON.stringify(entries())).not.toContain('KTP');
    expect(JSON.stringify(entries())).not.toMatch(SIXTEEN_DIGITS);

    // Once only.
    expect(() => service.decide({ recordId: id, action: 'reject', reason: 'again' }, 'SUP2')).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });

  it('needs a reason, a decided record, and a supervisor who did not serve or confirm the customer', async () => {
    const { store, service, entries } = await consoleHarness();
    const id = makeRecord(store, { id: 'REFUSEREC1', decision: 'needs_review', operator: 'SUP1' });
    const pending = makeRecord(store, { id: 'REFUSEREC2', decision: null });
    expect(() => service.decide({ recordId: id, action: 'reject', reason: ' \n ' }, 'SUP2')).toThrow(
      expect.objectContaining({ code: 'reason_required' }),
    );
    expect(() => service.decide({ recordId: id, action: 'reject', reason: 'mine' }, 'SUP1')).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
    expect(() => service.decide({ recordId: pending, action: 'approve', reason: 'x' }, 'SUP2')).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
    expect(() => service.decide({ recordId: 'NOSUCHREC1', action: 'approve', reason: 'x' }, 'SUP2')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    // Nothing was half done: no decision row, no audit entry.
    expect(service.record(id).supervisorDecision).toBeNull();
    expect(entries()).toEqual([]);
    expect(
      service.decide({ recordId: id, action: 'reject', reason: 'Photo is of a screen' }, 'SUP2').supervisor,
    ).toBe('rejected');
  });
});

describe('the audit state', () => {
  it('is the chain verified against the head, with the day’s entries newest first', async () => {
    const { store, service, audit } = await consoleHarness();
    const id = makeRecord(store, { id: 'AUDITREC01' });
    service.reveal(id, 'SUP1');
    service.photo(id, 'id_card', 'SUP1');
    await audit.flush();
    const state = await service.audit(DAY);
    expect(state.entries).toBe(2);
    expect(state.verify).toEqual({ ok: true, count: 2, anchored: 2 });
    expect(state.head?.count).toBe(2);
    expect(state.dayEntries.map((entry) => entry.action)).toEqual(['photo_viewed', 'fields_revealed']);
    expect(state.dayTotal).toBe(2);
    expect((await service.audit('2026-01-04')).dayEntries).toEqual([]);
  });
});
