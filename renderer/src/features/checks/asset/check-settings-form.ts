import type { MethodInput } from '@shared/api';
import { CheckSettingsFields, type CheckSettings } from '@shared/domain/checks';

/**
 * The check settings form: what the fields hold as typed, how they turn into
 * the patch core takes, and which fields can go back to their default.
 */
export type SettingsField = keyof CheckSettingsFields;
/** Fields whose value comes from the asset's type and vendor until a person sets it; the others are empty by default. */
export type DefaultedField = keyof CheckSettings['defaults'];
export type SettingsPatch = NonNullable<MethodInput<'checks.settings.update'>['fields']>;

export interface SettingsFormValues {
  address: string;
  /** '' is "no SSH profile", chosen by a person. */
  sshProfile: string;
  snmpProfiles: string[];
  /** As typed: "22, 443 8443". */
  tcpPorts: string;
  /** One per line. */
  httpUrls: string;
  legacyAlgorithms: string[];
  /** Fields the user asked to return to their default; they are sent as null. */
  reset: DefaultedField[];
}

export type SettingsProblem = { field: 'tcpPorts'; value: string } | { field: 'httpUrls'; value: string };

/**
 * Old SSH algorithms core accepts for one device (its ssh-algorithms list),
 * offered as suggestions; the field takes other names too and core names any
 * it does not know.
 */
export const LEGACY_ALGORITHM_SUGGESTIONS: readonly string[] = [
  'diffie-hellman-group14-sha1',
  'diffie-hellman-group-exchange-sha1',
  'diffie-hellman-group1-sha1',
  'ssh-rsa',
  'ssh-dss',
  'aes128-cbc',
  'aes192-cbc',
  'aes256-cbc',
  '3des-cbc',
  'hmac-sha1-96',
  'hmac-md5',
];

export function valuesFromSettings(settings: CheckSettings): SettingsFormValues {
  return {
    address: settings.address ?? '',
    sshProfile: settings.sshProfile ?? '',
    snmpProfiles: [...settings.snmpProfiles],
    tcpPorts: settings.tcpPorts.join(', '),
    httpUrls: settings.httpUrls.join('\n'),
    legacyAlgorithms: [...settings.legacyAlgorithms],
    reset: [],
  };
}

const PORT_SEPARATORS = /[\s,，、;；]+/;

export function parsePorts(text: string): { ports: number[]; bad: string[] } {
  const ports: number[] = [];
  const bad: string[] = [];
  for (const part of text.split(PORT_SEPARATORS).filter(Boolean)) {
    const port = /^\d{1,5}$/.test(part) ? Number(part) : NaN;
    if (Number.isInteger(port) && port >= 1 && port <= 65535) {
      if (!ports.includes(port)) ports.push(port);
    } else bad.push(part);
  }
  return { ports, bad };
}

export function parseUrls(text: string): { urls: string[]; bad: string[] } {
  const urls: string[] = [];
  const bad: string[] = [];
  const element = CheckSettingsFields.shape.httpUrls.element;
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    if (element.safeParse(line).success) {
      if (!urls.includes(line)) urls.push(line);
    } else bad.push(line);
  }
  return { urls, bad };
}

const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * The fields that changed, as core takes them: null returns a field to its
 * default, '' (SSH) and [] (SNMP) mean "none" chosen by a person. Problems
 * instead when something typed is not valid.
 */
export function toPatch(values: SettingsFormValues, settings: CheckSettings): { patch: SettingsPatch; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const patch: SettingsPatch = {};
  const { ports, bad: badPorts } = parsePorts(values.tcpPorts);
  for (const value of badPorts) problems.push({ field: 'tcpPorts', value });
  const { urls, bad: badUrls } = parseUrls(values.httpUrls);
  for (const value of badUrls) problems.push({ field: 'httpUrls', value });

  const address = values.address.trim();
  if (values.reset.includes('address')) patch.address = null;
  else if (address !== (settings.address ?? '')) patch.address = address === '' ? null : address;

  if (values.reset.includes('sshProfile')) patch.sshProfile = null;
  else if (values.sshProfile !== (settings.sshProfile ?? '')) patch.sshProfile = values.sshProfile;

  if (values.reset.includes('snmpProfiles')) patch.snmpProfiles = null;
  else if (!same([...values.snmpProfiles].sort(), [...settings.snmpProfiles].sort())) patch.snmpProfiles = values.snmpProfiles;

  if (!same(ports, settings.tcpPorts)) patch.tcpPorts = ports;
  if (!same(urls, settings.httpUrls)) patch.httpUrls = urls;
  const algorithms = values.legacyAlgorithms.map((name) => name.trim()).filter(Boolean);
  if (!same(algorithms, settings.legacyAlgorithms)) patch.legacyAlgorithms = algorithms;
  return { patch, problems };
}
