// Who the console opens for, as the renderer reads session.get: a signed-in supervisor or admin only.
import { describe, expect, it } from 'vitest';
import { consoleStaff } from '../../../renderer/console/useStaffSession';

const signedIn = (role: 'operator' | 'supervisor' | 'admin') =>
  ({
    status: 'signed_in',
    operator: { kind: 'account', id: 'ACC1', name: 'Budi Santoso', role },
    signedInAt: '2026-01-05T08:00:00.000Z',
  }) as const;

describe('consoleStaff', () => {
  it('is the supervisor or admin signed in, and nobody else', () => {
    expect(consoleStaff(signedIn('supervisor'))).toEqual({
      id: 'ACC1',
      name: 'Budi Santoso',
      role: 'supervisor',
    });
    expect(consoleStaff(signedIn('admin'))?.role).toBe('admin');
    expect(consoleStaff(signedIn('operator'))).toBeNull();
    expect(
      consoleStaff({
        status: 'signed_in',
        operator: { kind: 'training' },
        signedInAt: '2026-01-05T08:00:00.000Z',
      }),
    ).toBeNull();
    expect(consoleStaff({ status: 'self_service' })).toBeNull();
    expect(consoleStaff({ status: 'sign_in_required', trainingAvailable: true })).toBeNull();
    expect(consoleStaff(null)).toBeNull();
  });
});
