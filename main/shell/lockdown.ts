// What a kiosk shell switches off before anything is shown: the application menu (its accelerators would
// reload, zoom or open DevTools), and, in a packaged build, any debugging or protection-lowering switch on
// the command line (main/window/launch-policy.ts decides which).
import { Menu } from 'electron';
import { refusedSwitches } from '../window/launch-policy';

/** The switches that stop a packaged kiosk from starting; empty in a developer's checkout. */
export function setupLockdown(packaged: boolean, argv: readonly string[]): string[] {
  Menu.setApplicationMenu(null);
  return packaged ? refusedSwitches(argv.slice(1)) : [];
}
