// A record's life in order: its own moments, the provider steps as they completed, and its audit entries.
import type { StaffMember, TimelineEntry } from '../../common/console';
import { useI18n } from '../i18n/context';
import { format } from '../i18n/format';
import { LOCALES } from '../i18n/languages';
import { formatTime, staffName } from './format';

export function TimelineList({
  timeline,
  staff,
}: {
  timeline: readonly TimelineEntry[];
  staff: readonly StaffMember[];
}) {
  const { t, language } = useI18n();
  const words = t.console.timeline;
  const text = (entry: TimelineEntry): string => {
    switch (entry.kind) {
      case 'state':
        return words[entry.state];
      case 'step':
        return format(words.step, { step: entry.step });
      case 'audit':
        return format(words.audit, {
          seq: entry.seq,
          action: entry.action,
          actor: staffName(entry.actor, staff, t),
        });
    }
  };
  return (
    <section aria-labelledby="console-timeline">
      <h3 id="console-timeline">{t.console.detail.timeline}</h3>
      <ol className="console-timeline">
        {timeline.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at}>{formatTime(entry.at, LOCALES[language])}</time> {text(entry)}
          </li>
        ))}
      </ol>
    </section>
  );
}
