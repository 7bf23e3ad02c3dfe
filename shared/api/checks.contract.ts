import { z } from 'zod';
import {
  CheckKind,
  CheckProfileInfo,
  CheckResult,
  CheckResultSummary,
  CheckRun,
  CheckScope,
  CheckSettings,
  CheckSettingsFields,
  ConfigBackupSummary,
  LatestMetric,
  RunnableCheckKind,
  SshHostKey,
} from '../domain/checks';
import { EpochMs, Id } from '../domain/ids';
import { method } from './define';

export const checksContract = {
  /** The check profiles shipped in resources/ (SNMP MIB groups, SSH command sets per vendor). */
  'checks.profiles': method({
    summary: 'The SNMP and SSH check profiles Walkdown ships.',
    input: z.object({}),
    output: z.array(CheckProfileInfo),
  }),
  /** The output parsers, for choosing one when pasting captured text. */
  'checks.parsers': method({
    summary: 'Output parsers (vendor, command, metrics) for captured text.',
    input: z.object({}),
    output: z.array(z.object({ id: z.string(), dialect: z.string(), command: z.string(), metrics: z.array(z.string()) })),
  }),
  'checks.settings.get': method({
    summary: 'How an asset is checked (address, profiles, ports, URLs), with defaults from its type and vendor.',
    input: z.object({ assetId: Id }),
    output: CheckSettings,
  }),
  /**
   * A field left out stays as it is; null resets it to its default (address:
   * the first management IP; profiles: from type and vendor; lists: empty).
   * sshProfile '' and snmpProfiles [] mean "none", chosen by a person.
   */
  'checks.settings.update': method({
    summary: 'Change how an asset is checked; null resets a field to its default.',
    input: z.object({
      assetId: Id,
      fields: CheckSettingsFields.extend({
        snmpProfiles: CheckSettingsFields.shape.snmpProfiles.nullable(),
        tcpPorts: CheckSettingsFields.shape.tcpPorts.nullable(),
        httpUrls: CheckSettingsFields.shape.httpUrls.nullable(),
        legacyAlgorithms: CheckSettingsFields.shape.legacyAlgorithms.nullable(),
      }).partial(),
    }),
    output: CheckSettings,
  }),
  /** Start checks for assets or everything under a location (a sweep). Progress arrives as task.progress events with taskId = runId. */
  'checks.run': method({
    summary: 'Run checks on assets or on everything under a location (sweep).',
    input: z.object({ scope: CheckScope, kinds: z.array(RunnableCheckKind).min(1).default([...RunnableCheckKind.options]) }),
    output: z.object({ runId: Id, total: z.number().int() }),
  }),
  'checks.cancel': method({
    summary: 'Cancel a running sweep; finished results are kept.',
    input: z.object({ runId: Id }),
    output: z.object({ runId: Id }),
  }),
  'checks.runs': method({
    summary: 'Recent check runs, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(CheckRun),
  }),
  'checks.results': method({
    summary: 'Check results of an asset or a run, newest first, without raw output.',
    input: z.object({
      assetId: Id.optional(),
      runId: Id.optional(),
      kind: CheckKind.optional(),
      before: EpochMs.optional(),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    output: z.array(CheckResultSummary),
  }),
  'checks.result': method({
    summary: 'One check result with its raw output and parsed values.',
    input: z.object({ id: Id }),
    output: CheckResult,
  }),
  'checks.latest': method({
    summary: 'The latest value of every metric measured on an asset.',
    input: z.object({ assetId: Id }),
    output: z.array(LatestMetric),
  }),
  'checks.history': method({
    summary: 'Values of one metric of an asset over time, for a chart.',
    input: z.object({ assetId: Id, metric: z.string().min(1).max(100), since: EpochMs.optional(), limit: z.number().int().min(1).max(5000).default(500) }),
    output: z.array(z.object({ at: EpochMs, value: z.number() })),
  }),
  /** Parse text captured over a console cable or received by email, and keep it as evidence like a live check. */
  'checks.parseCaptured': method({
    summary: 'Parse pasted or imported device output with a profile parser and store it as evidence.',
    input: z.object({ assetId: Id.nullable(), parserId: z.string().min(1).max(100), text: z.string().min(1).max(1_000_000) }),
    output: CheckResult,
    maxInputBytes: 4 * 1024 * 1024,
  }),
  'sshHostKeys.list': method({
    summary: 'Pinned SSH host keys, with any changed key waiting for a decision.',
    input: z.object({}),
    output: z.array(SshHostKey),
  }),
  /** Accept a changed host key after checking it with the device owner; recorded in the audit log. */
  'sshHostKeys.accept': method({
    summary: 'Accept the changed SSH host key of a device (recorded in the audit log).',
    input: z.object({ address: z.string().min(1).max(255), port: z.number().int().min(1).max(65535), fingerprint: z.string().min(1).max(200) }),
    output: SshHostKey,
  }),
  'configBackups.fetch': method({
    summary: 'Fetch the running configuration of a network device over SSH and keep it as a version.',
    input: z.object({ assetId: Id }),
    output: ConfigBackupSummary,
  }),
  'configBackups.list': method({
    summary: 'Configuration versions of a device, newest first.',
    input: z.object({ assetId: Id }),
    output: z.array(ConfigBackupSummary),
  }),
  'configBackups.get': method({
    summary: 'One configuration version with its text.',
    input: z.object({ id: Id }),
    output: ConfigBackupSummary.extend({ content: z.string() }),
  }),
  'configBackups.diff': method({
    summary: 'The differences between two configuration versions (unified diff).',
    input: z.object({ fromId: Id, toId: Id }),
    output: z.object({ fromId: Id, toId: Id, unified: z.string(), added: z.number().int(), removed: z.number().int() }),
  }),
};
