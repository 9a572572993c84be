// The two photos of a record, each with what main's capture check measured on it. Writing one also touches
// the record in the same transaction: a photo taken after the provider asked for a retake puts the record
// back to 'captured' and clears the retake request.
import { PhotoAnalysisSchema, type PhotoAnalysis } from '../../common/capture/precheck';
import type { ImageKind } from '../../common/record';
import { IMAGE_KINDS } from '../../common/record';
import { inTransaction, type Store } from './connection';
import { InvalidTransitionError } from './errors';
import { requireRecord, writeRecord } from './record-io';
import type { IsoTime } from './record-row';
import { prepared } from './statements';

const UPSERT = `
  INSERT INTO record_images (record_id, kind, mime, bytes, created_at, analysis_json) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (record_id, kind) DO UPDATE SET
    mime = excluded.mime, bytes = excluded.bytes, created_at = excluded.created_at,
    analysis_json = excluded.analysis_json`;
const SELECT_ANALYSES = `SELECT kind, analysis_json FROM record_images WHERE record_id = ? AND analysis_json IS NOT NULL`;
const SELECT_ALL = `SELECT kind, bytes FROM record_images WHERE record_id = ?`;
const SELECT_KINDS = `SELECT kind FROM record_images WHERE record_id = ? ORDER BY kind`;

/** Photos may change only before submission or when the provider asked for a new one. */
const ACCEPTS_IMAGES = ['captured', 'retake'] as const;

export function putImage(
  store: Store,
  recordId: string,
  kind: ImageKind,
  bytes: Buffer,
  now: IsoTime,
  analysis: PhotoAnalysis | null = null,
  mime = 'image/jpeg',
): void {
  inTransaction(store, () => {
    const record = requireRecord(store, recordId);
    if (!(ACCEPTS_IMAGES as readonly string[]).includes(record.status)) {
      throw new InvalidTransitionError(recordId, record.status, 'captured', ACCEPTS_IMAGES);
    }
    prepared<[string, ImageKind, string, Buffer, string, string | null]>(store, UPSERT).run(
      recordId,
      kind,
      mime,
      bytes,
      now,
      analysis ? JSON.stringify(analysis) : null,
    );
    // Step outputs are kept on a retake: a provider session (e.g. Incode's) carries on with the new photo.
    writeRecord(store, {
      ...record,
      status: 'captured',
      updatedAt: now,
      capturedAt: now,
      retakeKind: null,
      retakeReason: null,
    });
  });
}

export function getImages(store: Store, recordId: string): Partial<Record<ImageKind, Buffer>> {
  const images: Partial<Record<ImageKind, Buffer>> = {};
  for (const { kind, bytes } of prepared<[string], { kind: ImageKind; bytes: Buffer }>(store, SELECT_ALL).all(
    recordId,
  )) {
    images[kind] = bytes;
  }
  return images;
}

/** The kinds present, in IMAGE_KINDS order, without reading the bytes. */
export function listImageKinds(store: Store, recordId: string): ImageKind[] {
  const present = new Set(
    prepared<[string], { kind: ImageKind }>(store, SELECT_KINDS)
      .all(recordId)
      .map((row) => row.kind),
  );
  return IMAGE_KINDS.filter((kind) => present.has(kind));
}

/**
 * What the capture check measured on each photo that has it. A row that does not read as an analysis (a
 * future shape) is left out rather than trusted: the retake routing then falls back to its default.
 */
export function getImageAnalyses(store: Store, recordId: string): Partial<Record<ImageKind, PhotoAnalysis>> {
  const analyses: Partial<Record<ImageKind, PhotoAnalysis>> = {};
  const rows = prepared<[string], { kind: ImageKind; analysis_json: string }>(store, SELECT_ANALYSES).all(
    recordId,
  );
  for (const { kind, analysis_json: json } of rows) {
    const parsed = PhotoAnalysisSchema.safeParse(JSON.parse(json));
    if (parsed.success && parsed.data.kind === kind) analyses[kind] = parsed.data;
  }
  return analyses;
}
