// The same screens, worded for who reads them. The capture step was written for staff at a desk ("ask the
// customer to look at the camera"); at an unattended kiosk the customer reads it, so those few sentences are
// swapped for ones that speak to them, and "Back to home" becomes "Cancel".
import type { Catalogue } from './id';

export function forCustomers(t: Catalogue): Catalogue {
  const words = t.selfService.capture;
  return {
    ...t,
    capture: {
      ...t.capture,
      idCardInstruction: words.idCardInstruction,
      selfieTitle: words.selfieTitle,
      selfieInstruction: words.selfieInstruction,
    },
    actions: { ...t.actions, backHome: words.backHome },
  };
}
