// What the supervisor typed in the search box: a reference code, a NIK in full, or neither. Only a full NIK
// is searched (the reason is in the catalogue's searchHelp), so a partial one is told, not sent.
import type { RecordSearch } from '../../common/console';
import { parseReferenceCode } from '../../common/reference-code';

export type ParsedSearch = { search: RecordSearch } | { problem: 'partial_nik' | 'invalid' };

export function parseSearch(text: string): ParsedSearch {
  const digits = text.replace(/[\s.-]/g, '');
  if (/^\d+$/.test(digits)) {
    // A reference code may be all digits too (8 of them); anything else of digits is a NIK, whole or not.
    if (digits.length === 16) return { search: { nik: digits } };
    if (digits.length === 8) return { search: { reference: digits } };
    return { problem: 'partial_nik' };
  }
  return parseReferenceCode(text) === null ? { problem: 'invalid' } : { search: { reference: text.trim() } };
}
