// What the console shows only when the supervisor asks, one record at a time: the OCR fields unmasked
// (with every correction's values), and one photo. Each is audited before the answer leaves main, with ids
// and counts only: the audit log says who looked at whose record and when, never what they saw.
import type { RevealedFields } from '../../common/console';
import type { ImageKind } from '../../common/record';
import type { AuditLog } from '../audit/events';
import { BridgeFailure } from '../bridge/failure';
import { correctedFields, getImages, getRecord, listCorrections } from '../store';
import type { Store } from '../store/connection';

export function revealFields(store: Store, audit: AuditLog, recordId: string, by: string): RevealedFields {
  const record = getRecord(store, recordId);
  if (!record) throw new BridgeFailure('not_found', 'There is no such verification.');
  const read = record.ocr ?? {};
  const corrections = listCorrections(store, recordId);
  const fields = correctedFields(read, corrections);
  audit.append({
    action: 'fields_revealed',
    actor: by,
    recordId,
    details: { fields: Object.keys(fields).length, corrections: corrections.length },
  });
  return { recordId, read, fields, corrections };
}

export function viewPhoto(
  store: Store,
  audit: AuditLog,
  recordId: string,
  kind: ImageKind,
  by: string,
): { mime: 'image/jpeg'; imageBase64: string } {
  if (!getRecord(store, recordId)) throw new BridgeFailure('not_found', 'There is no such verification.');
  const photo = getImages(store, recordId)[kind];
  // Retention removes photos before records: the record stays, its photos may be gone.
  if (!photo) throw new BridgeFailure('not_found', 'This record no longer keeps that photo.');
  audit.append({ action: 'photo_viewed', actor: by, recordId, details: { kind } });
  return { mime: 'image/jpeg', imageBase64: photo.toString('base64') };
}
