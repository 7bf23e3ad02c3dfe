import { z } from 'zod';
import { AuditEntry } from '../domain/audit';
import { BackupInfo } from '../domain/backups';
import { Language, Profile, Settings, Theme } from '../domain/profile';
import { method } from './define';

export const SystemInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  transport: z.enum(['ipc', 'web']),
  /**
   * `recovery` when the database failed its integrity check or could not be
   * opened: only the recovery methods work until a backup is restored.
   */
  mode: z.enum(['normal', 'recovery']),
  recoveryReason: z.string().nullable(),
  settings: Settings,
  profile: Profile.nullable(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const systemContract = {
  /** Everything the renderer needs at start: mode, language, theme, the local profile. */
  'system.info': method({
    summary: 'App version, data directory, mode (normal or recovery), settings and the local profile.',
    input: z.object({}),
    output: SystemInfo,
  }),
  /** Change the UI language and/or theme; saved for the next start. */
  'settings.update': method({
    summary: 'Change the UI language and/or theme.',
    input: z.object({ language: Language.optional(), theme: Theme.optional() }),
    output: Settings,
  }),
  /** Set the local user (name, role) that signs work until a server account replaces it. */
  'profile.save': method({
    summary: 'Save the local user profile (name and role).',
    input: Profile,
    output: Profile,
  }),
  /** Recent audit log entries, newest first, optionally for one record. */
  'audit.list': method({
    summary: 'Recent audit log entries, newest first.',
    input: z.object({ entityId: z.string().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(AuditEntry),
  }),
  /** Backups of the local database, newest first. Works in recovery mode. */
  'backups.list': method({
    summary: 'Backups of the local database, newest first (works in recovery mode).',
    input: z.object({}),
    output: z.array(BackupInfo),
  }),
  /** Back the database up now. */
  'backups.create': method({
    summary: 'Back up the local database now.',
    input: z.object({}),
    output: BackupInfo,
  }),
  /**
   * Replace the database with a backup. The current file (if readable) is kept
   * aside first; afterwards the store reopens and leaves recovery mode.
   */
  'backups.restore': method({
    summary: 'Replace the local database with a backup and reopen it (works in recovery mode).',
    input: z.object({ file: z.string().min(1).max(200) }),
    output: z.object({ restored: z.literal(true), schemaVersion: z.number().int() }),
  }),
};
