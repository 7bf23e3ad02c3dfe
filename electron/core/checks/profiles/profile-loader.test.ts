import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckProfileInfo } from '@shared/domain/checks';
import { ASSET_TYPES } from '@shared/domain/assets';
import { OUTPUT_PARSERS } from '../parsers';
import { SNMP_PARSERS } from '../snmp-profiles';
import { defaultProfilesFor, loadProfiles, ProfileError, type SshProfile } from './profile-loader';

const RESOURCES = fileURLToPath(new URL('../../../../resources', import.meta.url));

describe('the shipped profiles (resources/profiles)', () => {
  const profiles = loadProfiles(RESOURCES);

  it('loads all nine, SSH first', () => {
    expect(profiles.all.map((p) => `${p.kind}:${p.id}`)).toEqual([
      'ssh:cisco-ios',
      'ssh:h3c-comware',
      'ssh:huawei-vrp',
      'ssh:linux',
      'snmp:entity-sensor',
      'snmp:host-resources',
      'snmp:mib2-interfaces',
      'snmp:mib2-system',
      'snmp:ups-mib',
    ]);
  });

  it('sends the commands the issue lists, each read by its parser', () => {
    const commands = (id: string) => profiles.ssh(id)?.steps.map((s) => s.command);
    expect(commands('linux')).toEqual(['uptime', 'cat /proc/loadavg', 'df -P', 'cat /proc/meminfo', 'systemctl --failed --no-legend --plain']);
    expect(commands('huawei-vrp')).toEqual([
      'display version',
      'display device',
      'display interface brief',
      'display cpu-usage',
      'display memory-usage',
      'display temperature all',
      'display fan',
      'display power',
      'display alarm active',
    ]);
    expect(commands('h3c-comware')).toEqual([
      'display version',
      'display device manuinfo',
      'display interface brief',
      'display cpu-usage',
      'display memory',
      'display fan',
      'display power',
      'display environment',
    ]);
    expect(commands('cisco-ios')).toEqual(['show version', 'show inventory', 'show interfaces status', 'show processes cpu', 'show environment temperature', 'show environment power all']);
    for (const profile of profiles.all) {
      for (const step of profile.steps) {
        if (profile.kind === 'ssh') expect(OUTPUT_PARSERS.get(step.parser)?.commands, `${profile.id}/${step.id}`).toContain((step as SshProfile['steps'][number]).command);
        else expect(SNMP_PARSERS.has(step.parser), `${profile.id}/${step.id}`).toBe(true);
      }
    }
  });

  it('has session settings per CLI family', () => {
    expect(profiles.ssh('linux')).toMatchObject({ dialect: 'linux', mode: 'exec', env: { LC_ALL: 'C' } });
    expect(profiles.ssh('linux')?.pagingOff).toBeUndefined();
    expect(profiles.ssh('huawei-vrp')).toMatchObject({ mode: 'shell', pagingOff: 'screen-length 0 temporary', configCommand: 'display current-configuration' });
    expect(profiles.ssh('h3c-comware')).toMatchObject({ mode: 'shell', pagingOff: 'screen-length disable', configCommand: 'display current-configuration' });
    expect(profiles.ssh('cisco-ios')).toMatchObject({ mode: 'shell', pagingOff: 'terminal length 0', configCommand: 'show running-config' });
  });

  it.each([
    ['huawei-vrp', ['<HUAWEI>', '[~HUAWEI]', '[*HUAWEI-GigabitEthernet0/0/1]', 'HRP_M<FW-01>'], ['Info: The max number of VTY users is 10.', '<HUAWEI>display version']],
    ['h3c-comware', ['<H3C>', '[H3C-Vlan-interface1]', 'RBM_P<H3C>'], ['H3C Comware Software, Version 7.1.064', '<H3C>display fan']],
    ['cisco-ios', ['Switch#', 'Switch>', 'sw-01.example#', 'Switch(config)#', 'Switch(config-if)#'], ['Cisco IOS Software, C3750 Software', 'Switch#show version']],
  ])('the %s prompt pattern knows its prompts and nothing else', (id, prompts, notPrompts) => {
    const pattern = new RegExp(profiles.ssh(id)?.promptPattern ?? '^$');
    for (const prompt of prompts) expect(pattern.test(prompt), prompt).toBe(true);
    for (const line of notPrompts) expect(pattern.test(line), line).toBe(false);
  });

  it('gives the contract its CheckProfileInfo, labels in both languages', () => {
    const infos = profiles.info();
    for (const info of infos) expect(CheckProfileInfo.safeParse(info).success).toBe(true);
    const ups = infos.find((p) => p.id === 'ups-mib');
    expect(ups).toMatchObject({
      id: 'ups-mib',
      kind: 'snmp',
      name: { 'zh-CN': 'UPS 状态 (UPS-MIB, RFC 1628)', en: 'UPS status (UPS-MIB, RFC 1628)' },
    });
    expect(ups?.steps[0]).toMatchObject({ id: 'ups', label: { en: 'Battery, input, output and alarms' } });
    expect(infos.find((p) => p.id === 'linux')?.steps[2]).toEqual({ id: 'disk', label: { 'zh-CN': '磁盘空间', en: 'Disk space' } });
  });

  it('gives defaults that exist', () => {
    for (const type of ASSET_TYPES) {
      for (const vendor of ['', 'Huawei', 'H3C', 'Cisco', 'Dell', 'Microsoft']) {
        const d = defaultProfilesFor({ type, vendor, model: '' });
        if (d.sshProfile !== null) expect(profiles.ssh(d.sshProfile), `${type}/${vendor}`).toBeDefined();
        for (const id of d.snmpProfiles) expect(profiles.snmp(id), `${type}/${vendor}`).toBeDefined();
      }
    }
  });
});

describe('profile validation', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A resources folder holding the shipped profiles, with `edit` applied to one file. */
  function resourcesWith(kind: 'ssh' | 'snmp', id: string, edit: (json: Record<string, unknown>) => unknown, fileName = `${id}.json`): string {
    dir = mkdtempSync(join(tmpdir(), 'walkdown-profiles-'));
    for (const k of ['ssh', 'snmp']) {
      mkdirSync(join(dir, 'profiles', k), { recursive: true });
      for (const p of loadProfiles(RESOURCES).all.filter((x) => x.kind === k)) {
        if (k === kind && p.id === id) continue;
        writeFileSync(join(dir, 'profiles', k, `${p.id}.json`), JSON.stringify(p));
      }
    }
    const original = JSON.parse(readFileSync(join(RESOURCES, 'profiles', kind, `${id}.json`), 'utf8')) as Record<string, unknown>;
    const edited = edit(original);
    writeFileSync(join(dir, 'profiles', kind, fileName), typeof edited === 'string' ? edited : JSON.stringify(edited));
    return dir;
  }
  function problems(resources: string): readonly string[] {
    try {
      loadProfiles(resources);
    } catch (error) {
      if (error instanceof ProfileError) return error.problems;
      throw error;
    }
    return [];
  }
  const steps = (json: Record<string, unknown>) => json.steps as Array<Record<string, unknown>>;

  it('names the file and the field of a command the parser does not read', () => {
    const found = problems(
      resourcesWith('ssh', 'huawei-vrp', (j) => {
        (steps(j)[3] as Record<string, unknown>).command = 'display cpu';
        return j;
      }),
    );
    expect(found).toEqual(['profiles/ssh/huawei-vrp.json: steps[3].command: "display cpu" is not a command parser huawei.display-cpu-usage reads ("display cpu-usage")']);
  });

  it('refuses unknown parsers, of either kind', () => {
    expect(
      problems(
        resourcesWith('ssh', 'cisco-ios', (j) => {
          (steps(j)[0] as Record<string, unknown>).parser = 'cisco.show-clock';
          return j;
        }),
      ),
    ).toEqual(['profiles/ssh/cisco-ios.json: steps[0].parser: unknown SSH output parser "cisco.show-clock"']);
    expect(
      problems(
        resourcesWith('snmp', 'ups-mib', (j) => {
          (steps(j)[0] as Record<string, unknown>).parser = 'snmp.xups';
          return j;
        }),
      )[0],
    ).toMatch(/^profiles\/snmp\/ups-mib\.json: steps\[0\]\.parser: unknown SNMP parser "snmp\.xups" \(known: snmp\.mib2-system, /);
  });

  it('refuses a parser of another CLI family', () => {
    const found = problems(
      resourcesWith('ssh', 'h3c-comware', (j) => {
        Object.assign(steps(j)[0] as object, { parser: 'huawei.display-version' });
        return j;
      }),
    );
    expect(found).toEqual(['profiles/ssh/h3c-comware.json: steps[0].parser: "huawei.display-version" reads vrp output, the profile is comware']);
  });

  it('refuses misspelt and missing fields, with their path', () => {
    const found = problems(
      resourcesWith('ssh', 'linux', (j) => {
        const { steps: s, ...rest } = j;
        return { ...rest, stpes: s, name: { en: 'Linux' } };
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^profiles\/ssh\/linux\.json: name\.zh-CN: /),
        expect.stringMatching(/^profiles\/ssh\/linux\.json: steps: /),
        expect.stringMatching(/^profiles\/ssh\/linux\.json: \(file\): .*stpes/),
      ]),
    );
  });

  it('refuses the wrong paging-off command for the dialect, a missing prompt, a broken pattern', () => {
    const found = problems(
      resourcesWith('ssh', 'huawei-vrp', (j) => ({ ...j, pagingOff: 'terminal length 0', promptPattern: '([' })),
    );
    expect(found).toEqual([
      'profiles/ssh/huawei-vrp.json: pagingOff: a vrp device turns paging off with "screen-length 0 temporary"',
      expect.stringMatching(/^profiles\/ssh\/huawei-vrp\.json: promptPattern: not a regular expression: /),
    ]);
    const noPrompt = problems(
      resourcesWith('ssh', 'cisco-ios', (j) => {
        delete j.promptPattern;
        return j;
      }),
    );
    expect(noPrompt).toEqual(['profiles/ssh/cisco-ios.json: promptPattern: shell mode needs the prompt pattern']);
  });

  it('refuses an id that is not the file name, duplicate ids, duplicate steps, broken JSON', () => {
    expect(problems(resourcesWith('snmp', 'entity-sensor', (j) => j, 'sensors.json'))).toEqual(['profiles/snmp/sensors.json: id: "entity-sensor" must be the file name ("sensors")']);
    expect(
      problems(
        resourcesWith('snmp', 'mib2-system', (j) => {
          const s = steps(j);
          return { ...j, steps: [...s, s[0]] };
        }),
      ),
    ).toEqual(['profiles/snmp/mib2-system.json: steps[1].id: "system" is used by another step']);
    expect(problems(resourcesWith('snmp', 'ups-mib', () => '{ "id": "ups-mib", '))[0]).toMatch(/^profiles\/snmp\/ups-mib\.json: \(file\): not valid JSON: /);
  });

  it('collects the problems of every file before failing', () => {
    const resources = resourcesWith('ssh', 'linux', (j) => ({ ...j, kind: 'snmp' }));
    writeFileSync(join(resources, 'profiles', 'snmp', 'ups-mib.json'), '[]');
    const found = problems(resources);
    expect(found.some((p) => p.startsWith('profiles/ssh/linux.json: kind: '))).toBe(true);
    expect(found.some((p) => p.startsWith('profiles/snmp/ups-mib.json: '))).toBe(true);
  });

  it('an empty folder is an error, not zero profiles', () => {
    dir = mkdtempSync(join(tmpdir(), 'walkdown-profiles-'));
    expect(() => loadProfiles(dir)).toThrow(/no profile found/);
  });
});

describe('default profiles by type and vendor', () => {
  const network = ['mib2-system', 'mib2-interfaces', 'entity-sensor'];
  it.each([
    // type, vendor, model → ssh, snmp
    ['switch', 'Huawei', 'S5720-28X-SI', 'huawei-vrp', network],
    ['router', '华为技术有限公司', 'AR6280', 'huawei-vrp', network],
    ['firewall', 'HUAWEI', 'USG6555E', 'huawei-vrp', network],
    ['switch', 'H3C', 'S5130S-28S-EI', 'h3c-comware', network],
    ['switch', '新华三', 'S6520X', 'h3c-comware', network],
    ['router', '华三', 'MSR3620', 'h3c-comware', network],
    ['switch', 'HPE', '5130-24G-4SFP+ EI', 'h3c-comware', network],
    ['switch', 'HP', 'A5500-24G', 'h3c-comware', network],
    ['switch', 'Hewlett Packard Enterprise', 'FlexNetwork 5140', 'h3c-comware', network],
    ['switch', 'Huawei-3Com', 'Quidway S3600', 'h3c-comware', network],
    ['switch', 'HPE Aruba', '2930F', null, network],
    ['switch', 'Cisco', 'WS-C3750-48PS', 'cisco-ios', network],
    ['router', '思科', 'ISR4331', 'cisco-ios', network],
    ['firewall', 'Cisco Systems', 'ASA5516', 'cisco-ios', network],
    ['switch', 'Juniper', 'EX4300', null, network],
    ['switch', '', '', null, network],
    ['switch', '', 'Huawei S5735', 'huawei-vrp', network], // the vendor field empty: the model names the brand
    ['switch', 'Ruijie', 'RG-S5750 (Cisco-like CLI)', null, network], // the vendor field decides; the model is only read when it is empty
    ['server', 'Dell', 'PowerEdge R740', 'linux', ['mib2-system', 'host-resources']],
    ['server', 'Huawei', 'FusionServer 2288H V5', 'linux', ['mib2-system', 'host-resources']],
    ['server', 'HPE', 'ProLiant DL380 Gen10', 'linux', ['mib2-system', 'host-resources']],
    ['server', '浪潮', 'NF5280M6', 'linux', ['mib2-system', 'host-resources']],
    ['server', '', '', 'linux', ['mib2-system', 'host-resources']],
    ['server', 'Microsoft', 'Windows Server 2019', null, ['mib2-system', 'host-resources']],
    ['server', 'Dell', 'R640 (VMware ESXi 7)', null, ['mib2-system', 'host-resources']],
    ['ups', 'APC', 'Smart-UPS SRT 3000', null, ['mib2-system', 'ups-mib']],
    ['ups', '华为', 'UPS2000-G-10KRTL', null, ['mib2-system', 'ups-mib']],
    ['pdu', 'APC', 'AP8959', null, ['mib2-system']],
    ['environment-sensor', '', '', null, ['mib2-system']],
    ['storage', 'Huawei', 'OceanStor 5300', null, ['mib2-system']],
    ['pc', 'Lenovo', 'ThinkCentre', null, []],
    ['other', 'Cisco', '', null, []],
    ['os', 'Red Hat', 'RHEL 8.6', 'linux', []],
    ['os', '麒麟软件', '银河麒麟 V10', 'linux', []],
    ['os', 'Microsoft', 'Windows Server 2016', null, []],
    ['database', 'Oracle', '19c', null, []],
  ] as const)('%s / %s / %s', (type, vendor, model, ssh, snmp) => {
    expect(defaultProfilesFor({ type, vendor, model })).toEqual({ sshProfile: ssh, snmpProfiles: snmp });
  });
});
