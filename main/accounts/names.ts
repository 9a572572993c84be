// Staff names and passwords as people type them. A name is compared in one canonical form (NFKC, single
// spaces, lower case), so 'Siti Rahma', 'siti  rahma' and 'SITI RAHMA' are one account; it is kept as
// typed (tidied) for display. Password rules follow NIST SP 800-63B: a minimum length and a generous
// maximum, no composition rules, and not the name itself.
import { OPERATOR_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from '../../common/session';

const NAME = /^[\p{L}\p{N}](?:[\p{L}\p{N} .'_-]*[\p{L}\p{N}.])?$/u;

/** The name tidied for display: NFKC, trimmed, inner runs of white space as one space. */
export function tidyName(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** The form names are compared (and kept unique) in. */
export function nameKey(raw: string): string {
  return tidyName(raw).toLowerCase();
}

/** What is wrong with a name, in words that do not repeat it; null when it is fine. */
export function nameProblem(raw: string): string | null {
  const name = tidyName(raw);
  if (name.length === 0) return 'a name is required';
  if ([...name].length > OPERATOR_NAME_MAX) return `a name is at most ${OPERATOR_NAME_MAX} characters`;
  if (!NAME.test(name)) {
    return 'a name is letters and digits, with spaces, dots, dashes, apostrophes or underscores between';
  }
  return null;
}

/** What is wrong with a password, never quoting it; null when it is fine. */
export function passwordProblem(password: string, name: string): string | null {
  const length = [...password.normalize('NFKC')].length;
  if (length < PASSWORD_MIN) return `a password is at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `a password is at most ${PASSWORD_MAX} characters`;
  if (nameKey(password) === nameKey(name)) return 'a password must not be the name';
  return null;
}
