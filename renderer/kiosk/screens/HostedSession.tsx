// The provider's hosted face check (faceverify.ai). Main either opened it in its own locked-down window
// (url null: we only explain), or hands it over as a QR code for the customer's phone, or, in the browser
// host where main opens no windows, gives us the url to open in a new tab.
import type { CustomerAction } from '../../../common/contract';
import { useI18n } from '../../i18n/context';

/** Only web pages are opened; anything else (javascript:, file:) is treated as if no url came. */
export function openableUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** The QR code is only ever an inline PNG (the contract checks it too); nothing is fetched for it. */
function qrSource(qrDataUrl: string | null): string | null {
  return qrDataUrl !== null && qrDataUrl.startsWith('data:image/png;base64,') ? qrDataUrl : null;
}

export function openHostedSession(url: string): void {
  // noopener: the face check's page gets no handle back into the kiosk's window.
  window.open(url, '_blank', 'noopener,noreferrer');
}

export function HostedSession({ action }: { action: CustomerAction }) {
  const { t } = useI18n();
  const url = openableUrl(action.url);
  const qr = qrSource(action.qrDataUrl);
  return (
    <div className="hosted-session">
      {qr !== null && (
        <>
          <p className="lead">{t.hosted.qrInstruction}</p>
          <img className="hosted-qr" src={qr} alt={t.hosted.qrAlt} width={280} height={280} />
        </>
      )}
      {url !== null && (
        <>
          <p className="lead">{t.hosted.openInstruction}</p>
          <div className="actions">
            <button
              type="button"
              className="button button-primary button-large"
              onClick={() => openHostedSession(url)}
            >
              {t.hosted.open}
            </button>
          </div>
        </>
      )}
      {qr === null && url === null && <p className="lead">{t.hosted.kioskWindow}</p>}
      <p className="muted">{t.hosted.continues}</p>
    </div>
  );
}
