// At a staffed desk, when main could not find the card in the ID photo: the refused photo, and a way for the
// member of staff, who can see the card in it, to use it as it is. Main decides again (only for a card it
// did not find, only at a desk) and audits the confirmation.
import { jpegDataUrl } from '../../capture/camera/base64';
import { useI18n } from '../../i18n/context';

interface Props {
  imageBase64: string;
  busy: boolean;
  onConfirm: () => void;
}

export function CardConfirmation({ imageBase64, busy, onConfirm }: Props) {
  const { t } = useI18n();
  const words = t.capture.confirmCard;
  return (
    <div className="card-confirmation">
      <img className="card-confirmation-photo" src={jpegDataUrl(imageBase64)} alt={words.alt} />
      <p>{words.question}</p>
      <button type="button" className="button" disabled={busy} onClick={onConfirm}>
        {words.use}
      </button>
    </div>
  );
}
