import { describe, expect, it } from 'vitest';
import { forCustomers } from '../../../../renderer/i18n/audience';
import { en } from '../../../../renderer/i18n/en';
import { id } from '../../../../renderer/i18n/id';
import type { FlowState } from '../../../../renderer/kiosk/flow/state';
import { awaitsCustomer } from '../../../../renderer/kiosk/self-service/CustomerVisit';
import { record } from '../fixtures';

const capture: FlowState = {
  screen: 'capture',
  recordId: 'rec000001',
  kind: 'selfie',
  notice: null,
  submitAfter: false,
};
const waiting = (hosted: boolean): FlowState => ({
  screen: 'waiting',
  recordId: 'rec000001',
  progress: null,
  action: hosted ? { kind: 'hosted_session', url: 'https://example.test/s', qrDataUrl: null } : null,
  submitReturned: false,
});

describe('when the unattended kiosk watches for a customer who walked away', () => {
  it('watches the consent and every step where the customer acts', () => {
    expect(awaitsCustomer('consent', { screen: 'home', starting: false })).toBe(true);
    expect(awaitsCustomer('flow', capture)).toBe(true);
    expect(
      awaitsCustomer('flow', { screen: 'failed', error: { code: 'internal', message: '' }, retry: null }),
    ).toBe(true);
    expect(awaitsCustomer('flow', waiting(true))).toBe(true);
  });

  it('does not while the customer waits on the provider, nor on screens that return by themselves', () => {
    expect(awaitsCustomer('flow', waiting(false))).toBe(false);
    expect(awaitsCustomer('flow', { screen: 'pending', record: record() })).toBe(false);
    expect(awaitsCustomer('declined', capture)).toBe(false);
  });
});

describe('the capture step worded for the customer', () => {
  it('speaks to the customer, not to staff, in both languages', () => {
    expect(forCustomers(en).capture.selfieTitle).toBe('Photo of your face');
    expect(forCustomers(en).actions.backHome).toBe('Cancel');
    expect(forCustomers(id).capture.selfieInstruction).not.toBe(id.capture.selfieInstruction);
    expect(forCustomers(en).hosted.qrInstruction).toBe(
      'Scan this QR code with your phone, then follow the steps.',
    );
    expect(forCustomers(id).hosted.kioskWindow).not.toBe(id.hosted.kioskWindow);
    // The rest is the same catalogue.
    expect(forCustomers(en).capture.idCardTitle).toBe(en.capture.idCardTitle);
    expect(forCustomers(en).errors).toBe(en.errors);
  });
});
