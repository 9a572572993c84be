// Records: a day's list a page at a time with its filters, the search by reference code or full NIK, and
// one record's detail in place of the list.
import { useState } from 'react';
import type { RecordFilter, RecordListItem, StaffMember } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import type { BridgeError } from '../../common/errors';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';
import { localDay } from './format';
import { QueryProblem } from './QueryProblem';
import { RecordDetailView } from './RecordDetailView';
import { RecordFilters } from './RecordFilters';
import { RecordTable } from './RecordTable';
import { parseSearch } from './search';
import { useBridgeQuery } from './useBridgeQuery';

interface Props {
  bridge: LoketApi;
  staff: readonly StaffMember[];
}

export function RecordsView({ bridge, staff }: Props) {
  const { t } = useI18n();
  const r = t.console.records;
  const [filter, setFilter] = useState<RecordFilter>(() => ({ day: localDay(), page: 1 }));
  const [open, setOpen] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState<RecordListItem[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { query, reload } = useBridgeQuery(JSON.stringify(filter), () => bridge.consoleRecords(filter));

  const search = async () => {
    const parsed = parseSearch(text);
    if ('problem' in parsed) {
      setProblem(parsed.problem === 'partial_nik' ? r.searchPartialNik : r.searchInvalid);
      return;
    }
    setProblem(null);
    const answer = await bridge.consoleSearch(parsed.search);
    if (answer.ok) setFound(answer.value.items);
    else setProblem(describe(answer.error));
  };
  const describe = (error: BridgeError) => t.errors[error.code];

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
  const page = query.value;
  const pages = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const current = filter.page ?? 1;
  return (
    <section className="console-section" aria-labelledby="console-records-title">
      <h2 id="console-records-title">{r.title}</h2>
      <form
        className="console-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <label htmlFor="console-search">{r.searchLabel}</label>
        <div className="console-toolbar">
          <input
            id="console-search"
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={text}
            aria-describedby="console-search-help"
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="button button-small">
            {r.search}
          </button>
        </div>
        <p id="console-search-help" className="muted console-help">
          {r.searchHelp}
        </p>
        {problem && (
          <p role="alert" className="notice notice-warning">
            {problem}
          </p>
        )}
      </form>
      {found !== null ? (
        <>
          <h3>{format(r.searchResults, { count: found.length })}</h3>
          <RecordTable caption={r.searchResults} items={found} staff={staff} onOpen={setOpen} />
          <button type="button" className="button button-small" onClick={() => setFound(null)}>
            {r.clearSearch}
          </button>
        </>
      ) : (
        <>
          <RecordFilters filter={filter} staff={staff} onChange={(next) => setFilter({ ...next, page: 1 })} />
          <QueryProblem query={query} />
          {page && (
            <>
              <RecordTable caption={r.title} items={page.items} staff={staff} onOpen={setOpen} />
              <nav className="console-toolbar" aria-label={r.pagination}>
                <button
                  type="button"
                  className="button button-small"
                  disabled={current <= 1}
                  onClick={() => setFilter({ ...filter, page: current - 1 })}
                >
                  {r.previous}
                </button>
                <span role="status">{format(r.pageOf, { page: current, pages, total: page.total })}</span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={current >= pages}
                  onClick={() => setFilter({ ...filter, page: current + 1 })}
                >
                  {r.next}
                </button>
              </nav>
            </>
          )}
        </>
      )}
    </section>
  );
}
