// What a console read says when it could not be done (not signed in any more, the kiosk refused), in words.
import type { Query } from './useBridgeQuery';
import { useI18n } from '../i18n/context';

export function QueryProblem<T>({ query }: { query: Query<T> }) {
  const { t } = useI18n();
  if (query.state === 'loading' && query.value === null) return <p role="status">{t.console.loading}</p>;
  if (query.state !== 'failed') return null;
  return (
    <p role="alert" className="notice notice-warning">
      {t.errors[query.error.code]}
    </p>
  );
}
