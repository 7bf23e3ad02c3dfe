import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@shared/domain/profile';
import { enResources, zhCNResources } from './locales';

export const resources = {
  'zh-CN': { translation: zhCNResources },
  en: { translation: enResources },
} as const;

/**
 * Both languages are bundled: the app works offline from the first screen and
 * a switch is instant. The caller passes the first language (the OS locale)
 * until core reports the saved one.
 */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['zh-CN', 'en'],
    // React escapes already; escaping again would show &amp; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
    // Resources are inline, so init completes synchronously.
    initAsync: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}

/**
 * Switches the UI language live and keeps `<html lang>` (which screen readers
 * and CJK font selection use) and the window title in step.
 */
export async function setLanguage(language: Language): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18next.t('app.name');
}

export { i18next };
