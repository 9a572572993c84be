// The supervisor's console: its own heading and navigation (Day, Records, Review queue, Audit, Export)
// in place of the customer's screens, for as long as main says a supervisor or admin is signed in (App
// closes it otherwise). Loaded lazily, so the customer's screens never fetch it or its chart library.
import { useEffect, useRef, useState } from 'react';
import './console.css';
import type { LoketApi } from '../../common/contract';
import type { Role } from '../../common/roles';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';
import { AuditView } from './AuditView';
import { DayView } from './DayView';
import { ExportView } from './ExportView';
import { localDay } from './format';
import { RecordsView } from './RecordsView';
import { ReviewQueueView } from './ReviewQueueView';
import { useBridgeQuery } from './useBridgeQuery';

const SECTIONS = ['day', 'records', 'queue', 'audit', 'export'] as const;
type Section = (typeof SECTIONS)[number];

interface Props {
  bridge: LoketApi;
  staff: { name: string; role: Role };
  onClose: () => void;
}

export default function Console({ bridge, staff, onClose }: Props) {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>('day');
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);
  // Staff names for every section (records name who served by account id).
  const { query } = useBridgeQuery('staff', () => bridge.consoleDay({ day: localDay() }));
  const members = query.value?.staff ?? [];
  return (
    <div className="screen-body console">
      <div className="console-header">
        <h1 ref={heading} tabIndex={-1} className="screen-heading">
          {t.console.title}
        </h1>
        <span className="muted">
          {format(t.console.signedInAs, { name: staff.name, role: t.console.roles[staff.role] })}
        </span>
        <button type="button" className="button button-small" onClick={onClose}>
          {t.console.close}
        </button>
      </div>
      <nav aria-label={t.console.nav.label}>
        <ul className="console-nav">
          {SECTIONS.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="button button-small"
                aria-current={section === name ? 'page' : undefined}
                onClick={() => setSection(name)}
              >
                {t.console.nav[name]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'day' && <DayView bridge={bridge} />}
      {section === 'records' && <RecordsView bridge={bridge} staff={members} />}
      {section === 'queue' && <ReviewQueueView bridge={bridge} staff={members} />}
      {section === 'audit' && <AuditView bridge={bridge} staff={members} />}
      {section === 'export' && <ExportView bridge={bridge} />}
    </div>
  );
}
