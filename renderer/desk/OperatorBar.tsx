// Who is signed in at the desk, always in view, and the one button that signs them out at once.
import type { SessionOperator } from '../../common/session';
import { format } from '../i18n/format';
import { useI18n } from '../i18n/context';

export function OperatorBar({ operator, onSignOut }: { operator: SessionOperator; onSignOut: () => void }) {
  const { t } = useI18n();
  const who =
    operator.kind === 'training' ? t.app.trainingOperator : `${operator.name} (${t.roles[operator.role]})`;
  return (
    <div className="operator">
      <span className="operator-name">{format(t.app.signedInAs, { name: who })}</span>
      <button type="button" className="button button-small" onClick={onSignOut}>
        {t.app.signOut}
      </button>
    </div>
  );
}
