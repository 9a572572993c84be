// The same screens, worded for who reads them. The capture step was written for staff at a desk ("ask the
// customer to look at the camera"), and so was the provider's hosted face check; at an unattended kiosk the
// customer reads them, so those few sentences are swapped for ones that speak to them, and "Back to home"
// becomes "Cancel".
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
    hosted: { ...t.hosted, ...t.selfService.hosted },
    actions: { ...t.actions, backHome: words.backHome },
  };
}
