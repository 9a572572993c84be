// The review queue: records the provider left to a person (needs review) and assisted records with open
// NIK checks, oldest first; training ones only when asked for. Opening one shows its detail with the
// decision form.
import { useState } from 'react';
import type { StaffMember } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';
import { QueryProblem } from './QueryProblem';
import { RecordDetailView } from './RecordDetailView';
import { RecordTable } from './RecordTable';
import { RefreshButton, TrainingCheck } from './ToolbarControls';
import { useBridgeQuery } from './useBridgeQuery';

export function ReviewQueueView({ bridge, staff }: { bridge: LoketApi; staff: readonly StaffMember[] }) {
  const { t } = useI18n();
  const q = t.console.queue;
  const [includeTraining, setIncludeTraining] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { query, reload } = useBridgeQuery(String(includeTraining), () =>
    bridge.consoleQueue({ includeTraining }),
  );
  if (open !== null) {
    return (
      <RecordDetailView
        bridge={bridge}
        recordId={open}
        staff={staff}
        onBack={() => {
          setOpen(null);
          reload();
        }}
      />
    );
  }
  const queue = query.value;
  return (
    <section className="console-section" aria-labelledby="console-queue-title">
      <h2 id="console-queue-title">{q.title}</h2>
      <p className="muted">{q.intro}</p>
      <div className="console-toolbar">
        <TrainingCheck checked={includeTraining} onChange={setIncludeTraining} />
        <RefreshButton onClick={reload} />
      </div>
      <QueryProblem query={query} />
      {queue &&
        (queue.items.length === 0 ? (
          <p>{q.empty}</p>
        ) : (
          <RecordTable caption={q.title} items={queue.items} staff={staff} onOpen={setOpen} showAwaiting />
        ))}
      {queue && !includeTraining && queue.training > 0 && (
        <p className="muted">{format(q.trainingLeftOut, { count: queue.training })}</p>
      )}
    </section>
  );
}
