// The NIK cross-checks main computed for what the card says now, each open one in words; announced when a
// correction changes them.
import type { NikFlag } from '../../../common/nik-checks';
import { useI18n } from '../../i18n/context';

export function NikChecks({ flags }: { flags: readonly NikFlag[] }) {
  const { t } = useI18n();
  const open = flags.length > 0;
  return (
    <section
      className={`review-checks ${open ? 'review-checks-open' : 'review-checks-clear'}`}
      aria-labelledby="nik-checks"
    >
      <h2 id="nik-checks">{t.review.checksTitle}</h2>
      <div aria-live="polite">
        {open ? (
          <>
            <p>{t.review.checksOpen}</p>
            <ul className="review-flags">
              {flags.map((flag) => (
                <li key={flag}>{t.nikFlags[flag]}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t.review.checksClear}</p>
        )}
      </div>
    </section>
  );
}
