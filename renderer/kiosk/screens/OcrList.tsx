// The KTP fields the provider read, in the card's own order. The NIK is masked: staff compare the region
// code and last digits with the card, and a passer-by cannot read the whole number off the screen.
import type { OcrFields } from '../../../common/record';
import { maskNik } from '../../../common/nik';
import { useI18n } from '../../i18n/context';

export function OcrList({ ocr }: { ocr: OcrFields }) {
  const { t } = useI18n();
  const fields = (Object.keys(t.ocr) as (keyof OcrFields)[]).flatMap((field) => {
    const value = ocr[field]?.trim();
    if (!value) return [];
    return [{ field, value: field === 'nik' ? maskNik(value) : value }];
  });
  if (fields.length === 0) return <p className="muted">{t.result.ocrEmpty}</p>;
  return (
    <dl className="details details-ocr">
      {fields.map(({ field, value }) => (
        <div key={field} className="details-row">
          <dt>{t.ocr[field]}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
