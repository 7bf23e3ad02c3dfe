import 'i18next';
import type en from './locales/en.json';

// Keys are checked at compile time against the English resources; the
// locales test keeps zh-CN's keys identical.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
