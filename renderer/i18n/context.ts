// The session's language, shared by every screen. The provider lives in App; screens read it via useI18n.
import { createContext, useContext } from 'react';
import type { Catalogue } from './id';
import type { Language } from './languages';
import { catalogues, DEFAULT_LANGUAGE } from './languages';

export interface I18n {
  language: Language;
  t: Catalogue;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n>({
  language: DEFAULT_LANGUAGE,
  t: catalogues[DEFAULT_LANGUAGE],
  setLanguage: () => undefined,
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
