// Exports from the console: a day or a range, a format, masked (the default) or unmasked with a typed
// reason (main checks both that a supervisor asked and that the reason is there), then the save dialog
// (Electron) or the download (browser host). Every export is audited by main before its first byte.
import { useId, useState } from 'react';
import { EXPORT_FORMATS, type ConsoleExportRequest, type ExportFormat } from '../../common/console';
import type { LoketApi } from '../../common/contract';
import type { ErrorCode } from '../../common/errors';
import { REASON_MAX } from '../../common/review';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';
import { localDay } from './format';
import { runExport, type ExportResult } from './runExport';

export function ExportView({ bridge }: { bridge: LoketApi }) {
  const { t } = useI18n();
  const e = t.console.export;
  const id = useId();
  const [firstDay, setFirstDay] = useState(localDay);
  const [lastDay, setLastDay] = useState('');
  const [fileFormat, setFileFormat] = useState<ExportFormat>('csv');
  const [includeTraining, setIncludeTraining] = useState(false);
  const [masked, setMasked] = useState(true);
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [problem, setProblem] = useState<ErrorCode | null>(null);

  const run = async () => {
    const request: ConsoleExportRequest = {
      firstDay,
      ...(lastDay ? { lastDay } : {}),
      format: fileFormat,
      includeTraining,
      masked,
      ...(masked ? {} : { reason }),
    };
    setRunning(true);
    setResult(null);
    setProblem(null);
    const answer = await runExport(bridge, request);
    setRunning(false);
    if (answer.ok) setResult(answer.value);
    else setProblem(answer.error.code);
  };
  const ready = !running && firstDay !== '' && (masked || reason.trim() !== '');
  return (
    <section className="console-section" aria-labelledby="console-export-title">
      <h2 id="console-export-title">{e.title}</h2>
      <form
        className="console-export"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <div className="console-toolbar">
          <label>
            {e.from}
            <input
              type="date"
              value={firstDay}
              max={localDay()}
              required
              onChange={(event) => setFirstDay(event.target.value)}
            />
          </label>
          <label>
            {e.to}
            <input
              type="date"
              value={lastDay}
              min={firstDay}
              max={localDay()}
              onChange={(event) => setLastDay(event.target.value)}
            />
          </label>
        </div>
        <fieldset className="console-choice">
          <legend>{e.format}</legend>
          {EXPORT_FORMATS.map((option) => (
            <label key={option} className="console-check">
              <input
                type="radio"
                name={`${id}-format`}
                value={option}
                checked={fileFormat === option}
                onChange={() => setFileFormat(option)}
              />
              {e.formats[option]}
            </label>
          ))}
        </fieldset>
        <label className="console-check">
          <input
            type="checkbox"
            checked={includeTraining}
            onChange={(event) => setIncludeTraining(event.target.checked)}
          />
          {e.includeTraining}
        </label>
        <fieldset className="console-choice">
          <legend>{e.masking}</legend>
          <label className="console-check">
            <input type="radio" name={`${id}-masking`} checked={masked} onChange={() => setMasked(true)} />
            {e.masked}
          </label>
          <label className="console-check">
            <input type="radio" name={`${id}-masking`} checked={!masked} onChange={() => setMasked(false)} />
            {e.unmasked}
          </label>
        </fieldset>
        {!masked && (
          <>
            <label htmlFor={`${id}-reason`}>{e.reason}</label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              required
              maxLength={REASON_MAX}
              rows={2}
              aria-describedby={`${id}-reason-help`}
              onChange={(event) => setReason(event.target.value)}
            />
            <p id={`${id}-reason-help`} className="muted console-help">
              {e.reasonHelp}
            </p>
          </>
        )}
        <p className="muted console-help">{e.audited}</p>
        <button type="submit" className="button button-primary" disabled={!ready}>
          {running ? e.running : e.run}
        </button>
      </form>
      <div role="status">
        {result?.kind === 'saved' && format(e.saved, { file: result.fileName, rows: result.rows })}
        {result?.kind === 'downloaded' && format(e.downloaded, { file: result.fileName })}
        {result?.kind === 'cancelled' && e.cancelled}
      </div>
      {problem && (
        <p role="alert" className="notice notice-warning">
          {t.errors[problem]}
        </p>
      )}
    </section>
  );
}
