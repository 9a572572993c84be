// What the first-run form checks before asking main, which checks the same again (main/accounts/names.ts):
// only so the person setting up the kiosk hears what to fix at once, in their language.
import { PASSWORD_MAX, PASSWORD_MIN } from '../../common/session';

export type FirstRunProblem = 'missingName' | 'tooShort' | 'sameAsName' | 'mismatch';

export function firstRunProblem(name: string, password: string, repeat: string): FirstRunProblem | null {
  if (name.trim() === '') return 'missingName';
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) return 'tooShort';
  if (password.trim().toLowerCase() === name.trim().toLowerCase()) return 'sameAsName';
  if (password !== repeat) return 'mismatch';
  return null;
}
