import 'i18next';
import type { enResources } from './locales';

// Keys are checked at compile time against the English resources; the
// locales test keeps zh-CN's keys identical.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof enResources };
    returnNull: false;
  }
}
