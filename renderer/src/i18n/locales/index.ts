import assetsEn from './assets.en.json';
import assetsZhCN from './assets.zh-CN.json';
import checksEn from './checks.en.json';
import checksZhCN from './checks.zh-CN.json';
import en from './en.json';
import transferEn from './transfer.en.json';
import transferZhCN from './transfer.zh-CN.json';
import zhCN from './zh-CN.json';

/**
 * One translation tree per language, assembled from per-feature files so that
 * features can be worked on side by side. Each file owns distinct top-level
 * keys; a key in two files is caught by the locales test.
 */
export const localeParts = {
  en: [en, assetsEn, transferEn, checksEn],
  'zh-CN': [zhCN, assetsZhCN, transferZhCN, checksZhCN],
} as const;

export const enResources = { ...en, ...assetsEn, ...transferEn, ...checksEn };
export const zhCNResources = { ...zhCN, ...assetsZhCN, ...transferZhCN, ...checksZhCN };
