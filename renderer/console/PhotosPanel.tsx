// The record's photos, each fetched only when the supervisor asks for it (main audits every view). Shown as
// a data: URL (the CSP's img-src allows data:), dropped when the record is closed.
import { useState } from 'react';
import type { RecordDetail } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import type { ErrorCode } from '../../common/errors';
import type { ImageKind } from '../../common/record';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';

export function PhotosPanel({ bridge, detail }: { bridge: LoketApi; detail: RecordDetail }) {
  const { t } = useI18n();
  const d = t.console.detail;
  const [shown, setShown] = useState<Partial<Record<ImageKind, string>>>({});
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const show = async (kind: ImageKind) => {
    const answer = await bridge.consolePhoto({ recordId: detail.id, kind });
    if (!answer.ok) return setProblem(answer.error.code);
    setShown((previous) => ({
      ...previous,
      [kind]: `data:${answer.value.mime};base64,${answer.value.imageBase64}`,
    }));
  };
  const words = {
    id_card: { button: d.showIdCard, alt: d.altIdCard },
    selfie: { button: d.showSelfie, alt: d.altSelfie },
  } satisfies Record<ImageKind, { button: string; alt: string }>;
  return (
    <section aria-labelledby="console-photos">
      <h3 id="console-photos">{d.photos}</h3>
      {detail.images.length === 0 ? (
        <p className="muted">{d.noPhotos}</p>
      ) : (
        <>
          <p className="muted console-help">{d.photosNotice}</p>
          <div className="console-photos">
            {detail.images.map((kind) => (
              <figure key={kind} className="console-photo">
                {shown[kind] ? (
                  <img src={shown[kind]} alt={format(words[kind].alt, { reference: detail.referenceCode })} />
                ) : (
                  <button type="button" className="button button-small" onClick={() => void show(kind)}>
                    {words[kind].button}
                  </button>
                )}
              </figure>
            ))}
          </div>
        </>
      )}
      {problem && (
        <p role="alert" className="notice notice-warning">
          {t.errors[problem]}
        </p>
      )}
    </section>
  );
}
