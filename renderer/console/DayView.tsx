// The day at a glance: the real records' counts by decision, service and member of staff, the hourly chart,
// the median time to decision, the pending queue and the sync state; any past day from the date picker.
// Training records are counted apart and shown, labelled, only when asked for.
import { useMemo, useState } from 'react';
import type { DayCounts, HourDecision, StaffMember } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import { isProviderName } from '../../common/providers';
import { useSyncStatus } from '../components/useSyncStatus';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';
import { LOCALES } from '../i18n/languages';
import { CountsTable } from './CountsTable';
import { formatDateTime, formatSeconds, localDay, staffName } from './format';
import { HourlyChart } from './HourlyChart';
import { HourTable } from './HourTable';
import { QueryProblem } from './QueryProblem';
import { DayPicker, RefreshButton, TrainingCheck } from './ToolbarControls';
import { useBridgeQuery } from './useBridgeQuery';

export function DayView({ bridge }: { bridge: LoketApi }) {
  const { t, language } = useI18n();
  const locale = LOCALES[language];
  const [day, setDay] = useState(localDay);
  const [includeTraining, setIncludeTraining] = useState(false);
  const { query, reload } = useBridgeQuery(`${day}|${includeTraining}`, () =>
    bridge.consoleDay({ day, includeTraining }),
  );
  const sync = useSyncStatus(bridge);
  const hourLabels = useMemo<Record<HourDecision, string>>(
    () => ({ ...t.decision, undecided: t.console.day.undecided }),
    [t],
  );
  const summary = query.value;
  return (
    <section className="console-section" aria-labelledby="console-day-title">
      <h2 id="console-day-title">{t.console.day.title}</h2>
      <div className="console-toolbar">
        <DayPicker label={t.console.day.picker} day={day} onChange={setDay} />
        <TrainingCheck checked={includeTraining} onChange={setIncludeTraining} />
        <RefreshButton onClick={reload} />
      </div>
      <QueryProblem query={query} />
      {summary && (
        <>
          <dl className="console-tiles">
            <Tile label={t.console.day.records} value={summary.counts.records} />
            {(['verified', 'not_verified', 'needs_review'] as const).map((decision) => (
              <Tile
                key={decision}
                label={t.decision[decision]}
                value={summary.counts.byDecision[decision] ?? 0}
              />
            ))}
            <Tile
              label={t.console.day.median}
              value={formatSeconds(summary.counts.medianSecondsToDecision, t, locale)}
            />
            <Tile label={t.console.day.awaiting} value={summary.awaitingReview} />
          </dl>
          {summary.trainingRecords > 0 && !includeTraining && (
            <p className="muted">
              {format(t.console.day.trainingLeftOut, { count: summary.trainingRecords })}
            </p>
          )}
          <h3>{t.console.day.chartTitle}</h3>
          <HourlyChart
            perHour={summary.counts.perHour}
            decisionLabels={hourLabels}
            label={format(t.console.day.chartLabel, { total: summary.counts.records, day: summary.day })}
          />
          <HourTable perHour={summary.counts.perHour} labels={hourLabels} />
          <Breakdown counts={summary.counts} staff={summary.staff} />
          <h3>{t.console.day.queueTitle}</h3>
          <dl className="console-facts">
            <dt>{t.console.day.pending}</dt>
            <dd>{sync?.pending ?? t.console.none}</dd>
            <dt>{t.console.day.inProgress}</dt>
            <dd>{sync?.inProgress ?? t.console.none}</dd>
            <dt>{t.console.day.oldestWaiting}</dt>
            <dd>
              {summary.oldestWaitingSince === null
                ? t.console.day.nothingWaiting
                : formatDateTime(summary.oldestWaitingSince, locale)}
            </dd>
            <dt>{t.console.day.link}</dt>
            <dd>
              {sync === null
                ? t.sync.loading
                : t.sync[sync.reachable === null ? 'unknown' : sync.reachable ? 'reachable' : 'unreachable']}
            </dd>
            <dt>{t.sync.label}</dt>
            <dd>
              {sync?.lastSyncAt
                ? format(t.sync.lastSync, { time: formatDateTime(sync.lastSyncAt, locale) })
                : t.sync.never}
            </dd>
          </dl>
          {summary.training && (
            <section className="console-training" aria-labelledby="console-day-training">
              <h3 id="console-day-training">
                <span className="badge badge-training">{t.console.training}</span>{' '}
                {t.console.day.trainingTitle}
              </h3>
              <dl className="console-tiles">
                <Tile label={t.console.day.records} value={summary.training.records} />
                {(['verified', 'not_verified', 'needs_review'] as const).map((decision) => (
                  <Tile
                    key={decision}
                    label={t.decisionTraining[decision]}
                    value={summary.training?.byDecision[decision] ?? 0}
                  />
                ))}
              </dl>
              <Breakdown counts={summary.training} staff={summary.staff} />
            </section>
          )}
        </>
      )}
    </section>
  );
}

function Tile({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="console-tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Breakdown({ counts, staff }: { counts: DayCounts; staff: readonly StaffMember[] }) {
  const { t } = useI18n();
  return (
    <div className="console-breakdown">
      <CountsTable
        caption={t.console.day.byDecision}
        counts={counts.byDecision}
        label={(key) =>
          key === 'none' ? t.console.day.undecided : (t.decision[key as keyof typeof t.decision] ?? key)
        }
      />
      <CountsTable
        caption={t.console.day.byProvider}
        counts={counts.byProvider}
        label={(key) => (isProviderName(key) ? t.providers[key] : key)}
      />
      <CountsTable
        caption={t.console.day.byOperator}
        counts={counts.byOperator}
        label={(key) => (key === 'none' ? t.console.day.noStaff : staffName(key, staff, t))}
      />
    </div>
  );
}
