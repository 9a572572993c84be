// The review's rows: every KTP field in the card's order, what it says now, what the provider read, and
// whether staff changed it. Every field is listed, also one that was not read, so staff can fill it in.
import type { OcrFieldName, Review } from '../../../common/review';

export interface ReviewRow {
  field: OcrFieldName;
  /** With every correction applied; null when nothing was read or typed. */
  value: string | null;
  /** The provider's reading, never changed. */
  read: string | null;
  corrected: boolean;
}

const present = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value;

export function reviewRows(
  review: Pick<Review, 'read' | 'fields' | 'corrections'>,
  order: readonly OcrFieldName[],
): ReviewRow[] {
  const corrected = new Set(review.corrections.map((correction) => correction.field));
  return order.map((field) => ({
    field,
    value: present(review.fields[field]),
    read: present(review.read[field]),
    corrected: corrected.has(field),
  }));
}
