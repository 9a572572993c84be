// The consent as this kiosk shows it: the versioned text (common/consent.ts) filled in from the settings
// (the provider that processes the photos, the retention periods), and the decline that stores nothing.
import {
  CONSENT_VERSION,
  consentDocument,
  type ConsentAcceptance,
  type ConsentDocument,
  type ConsentLanguage,
} from '../../common/consent';
import { PROVIDER_DISPLAY_NAMES } from '../../common/providers';
import { SELF_SERVICE_OPERATOR } from '../../common/roles';
import type { AuditLog } from '../audit/events';
import type { Settings } from '../config/settings';

export interface ConsentService {
  get(language: ConsentLanguage): ConsentDocument;
  /** The customer declined: no record exists or is made; the audit log notes the decline and nothing else. */
  decline(answer: ConsentAcceptance): { declined: true };
}

export function createConsentService(
  settings: Pick<Settings, 'provider' | 'retention'>,
  audit: AuditLog,
): ConsentService {
  const facts = {
    processor: PROVIDER_DISPLAY_NAMES[settings.provider],
    imageDays: settings.retention.imageDays,
    recordDays: settings.retention.recordDays,
    abandonedDays: settings.retention.abandonedDays,
  };
  return {
    get: (language) => consentDocument(language, facts),
    decline({ version, language }) {
      audit.append({
        action: 'consent_declined',
        actor: SELF_SERVICE_OPERATOR,
        details: { version, language, current: version === CONSENT_VERSION },
      });
      return { declined: true };
    },
  };
}
