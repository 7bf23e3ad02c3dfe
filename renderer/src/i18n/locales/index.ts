import slaEn from './sla.en.json';
import slaZhCN from './sla.zh-CN.json';
import attachmentsEn from './attachments.en.json';
import attachmentsZhCN from './attachments.zh-CN.json';
import incidentsEn from './incidents.en.json';
import incidentsZhCN from './incidents.zh-CN.json';
import problemsEn from './problems.en.json';
import problemsZhCN from './problems.zh-CN.json';
import changesEn from './changes.en.json';
import changesZhCN from './changes.zh-CN.json';
import knowledgeEn from './knowledge.en.json';
import knowledgeZhCN from './knowledge.zh-CN.json';
import emergencyPlansEn from './emergency-plans.en.json';
import emergencyPlansZhCN from './emergency-plans.zh-CN.json';
import assetsEn from './assets.en.json';
import assetsZhCN from './assets.zh-CN.json';
import checksEn from './checks.en.json';
import roundsEn from './rounds.en.json';
import roundsZhCN from './rounds.zh-CN.json';
import statisticsEn from './statistics.en.json';
import statisticsZhCN from './statistics.zh-CN.json';
import recordsEn from './records.en.json';
import recordsZhCN from './records.zh-CN.json';
import exportsEn from './exports.en.json';
import exportsZhCN from './exports.zh-CN.json';
import reportsEn from './reports.en.json';
import reportsZhCN from './reports.zh-CN.json';
import checksZhCN from './checks.zh-CN.json';
import en from './en.json';
import transferEn from './transfer.en.json';
import transferZhCN from './transfer.zh-CN.json';
import zhCN from './zh-CN.json';
import syncEn from './sync.en.json';
import syncZhCN from './sync.zh-CN.json';

/**
 * One translation tree per language, assembled from per-feature files so that
 * features can be worked on side by side. Each file owns distinct top-level
 * keys; a key in two files is caught by the locales test.
 */
export const localeParts = {
  en: [en, assetsEn, transferEn, checksEn, slaEn, attachmentsEn, incidentsEn, problemsEn, changesEn, knowledgeEn, emergencyPlansEn, roundsEn, syncEn, statisticsEn, recordsEn, exportsEn, reportsEn],
  'zh-CN': [zhCN, assetsZhCN, transferZhCN, checksZhCN, slaZhCN, attachmentsZhCN, incidentsZhCN, problemsZhCN, changesZhCN, knowledgeZhCN, emergencyPlansZhCN, roundsZhCN, syncZhCN, statisticsZhCN, recordsZhCN, exportsZhCN, reportsZhCN],
} as const;

export const enResources = { ...en, ...assetsEn, ...transferEn, ...checksEn, ...slaEn, ...attachmentsEn, ...incidentsEn, ...problemsEn, ...changesEn, ...knowledgeEn, ...emergencyPlansEn, ...roundsEn, ...syncEn, ...statisticsEn, ...recordsEn, ...exportsEn, ...reportsEn };
export const zhCNResources = { ...zhCN, ...assetsZhCN, ...transferZhCN, ...checksZhCN, ...slaZhCN, ...attachmentsZhCN, ...incidentsZhCN, ...problemsZhCN, ...changesZhCN, ...knowledgeZhCN, ...emergencyPlansZhCN, ...roundsZhCN, ...syncZhCN, ...statisticsZhCN, ...recordsZhCN, ...exportsZhCN, ...reportsZhCN };
