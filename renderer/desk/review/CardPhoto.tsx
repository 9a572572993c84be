// The card crop the record keeps, beside the fields read from it, so staff compare the two at a glance.
import { useI18n } from '../../i18n/context';
import type { PhotoLoad } from './useReview';

export function CardPhoto({ photo }: { photo: PhotoLoad }) {
  const { t } = useI18n();
  return (
    <figure className="review-photo">
      <figcaption className="review-photo-title">{t.review.photoTitle}</figcaption>
      {photo.status === 'ready' ? (
        <img className="review-photo-image" src={photo.src} alt={t.review.photoAlt} />
      ) : (
        <p className="muted review-photo-empty">
          {photo.status === 'loading' ? t.review.photoLoading : t.review.noPhoto}
        </p>
      )}
    </figure>
  );
}
