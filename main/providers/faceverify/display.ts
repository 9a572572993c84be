// Telling the customer where the hosted face check is. Three ways, by setting and by host:
//   'window' with an opener (the Electron shell) → main opens a locked-down window; the action carries
//     neither link nor code (the renderer only explains what is happening);
//   'window' without an opener (the browser host) → the action carries the link, and the page opens it;
//   'qr' → the action carries a PNG QR code of the link for the customer's phone, and no link.
import QRCode from 'qrcode';
import type { CustomerAction } from '../../../common/contract';

export type DisplayMode = 'window' | 'qr';

export interface HostedWindowHandle {
  /** Resolves when the window is closed, by the person or by Loket. */
  closed: Promise<void>;
  close(): void;
}

export type HostedWindowOpener = (url: string) => HostedWindowHandle;

export interface Presentation {
  action: CustomerAction;
  /** The window opened for the session, if one was. */
  window: HostedWindowHandle | null;
}

/** QR settings: medium error correction, a 2-module quiet zone, 320 px (readable from a phone held at the kiosk). */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 2, width: 320, type: 'image/png' } as const;

export async function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, QR_OPTIONS);
}

export async function present(
  url: string,
  display: DisplayMode,
  openHostedWindow: HostedWindowOpener | undefined,
): Promise<Presentation> {
  if (display === 'qr') {
    return { action: { kind: 'hosted_session', url: null, qrDataUrl: await qrDataUrl(url) }, window: null };
  }
  if (openHostedWindow) {
    return { action: { kind: 'hosted_session', url: null, qrDataUrl: null }, window: openHostedWindow(url) };
  }
  return { action: { kind: 'hosted_session', url, qrDataUrl: null }, window: null };
}
