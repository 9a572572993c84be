// The two languages the kiosk speaks; Indonesian is the default unless the kiosk's settings say otherwise.
import type { Catalogue } from './id';
import { id } from './id';
import { en } from './en';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'id';

export const catalogues: Record<Language, Catalogue> = { id, en };

/** BCP 47 tags for Intl formatting (dates, numbers). */
export const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
