import { describe, expect, it } from 'vitest';
import { cameraProblemOf } from '../../../renderer/capture/camera/cameraProblem';

describe('cameraProblemOf', () => {
  it.each([
    ['NotFoundError', 'not_found'],
    ['OverconstrainedError', 'not_found'],
    ['DevicesNotFoundError', 'not_found'],
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotReadableError', 'busy'],
    ['AbortError', 'busy'],
    ['TypeError', 'failed'],
  ])('%s → %s', (name, problem) => {
    expect(cameraProblemOf(new DOMException('x', name))).toBe(problem);
  });

  it('reads the name of plain objects too (OverconstrainedError is not a DOMException everywhere)', () => {
    expect(cameraProblemOf({ name: 'OverconstrainedError', constraint: 'width' })).toBe('not_found');
  });

  it('anything else is a generic failure', () => {
    expect(cameraProblemOf('boom')).toBe('failed');
    expect(cameraProblemOf(null)).toBe('failed');
    expect(cameraProblemOf(new Error('x'))).toBe('failed');
  });
});
