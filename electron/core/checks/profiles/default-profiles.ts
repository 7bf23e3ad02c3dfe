import type { AssetType } from '@shared/domain/assets';

/*
 * Which profiles an asset is checked with when nobody chose (CheckSettings
 * with defaults.sshProfile / defaults.snmpProfiles true). Decided from the
 * asset's type first, then its vendor field; the model is read for a vendor
 * name only when the vendor field is empty ("Huawei S5735" typed as the
 * model). Model numbers alone decide nothing: S5720 is Huawei, S5130 H3C,
 * and a guess from digits would send the wrong commands.
 *
 * SSH, network gear (switch, router, firewall):
 *   Huawei / 华为                                   → huawei-vrp
 *   H3C / 华三 / 新华三 / HPE / HP / Hewlett-Packard → h3c-comware  (HPE's FlexNetwork line is Comware)
 *   Huawei-3Com / 华为3Com (H3C's old name)         → h3c-comware
 *   Aruba / ProCurve (HPE, but ArubaOS, not Comware) → none
 *   Cisco / 思科                                    → cisco-ios
 *   anything else (Juniper, Ruijie, unknown...)     → none: no profile speaks their CLI yet
 * SSH, servers:
 *   Windows, VMware ESXi, AIX, Solaris, HP-UX named → none (not a Linux shell)
 *   any other vendor, or none                       → linux   (Dell, HPE, Huawei, Inspur 浪潮, Lenovo... servers run Linux
 *                                                              far more often than not on the sites Walkdown serves)
 * SSH, an 'os' asset that names a Linux distribution (CentOS, 麒麟 Kylin, 统信 UOS, openEuler...) → linux.
 *   Everything else: none.
 *
 * SNMP (the system group first: it identifies the device and tells quickly
 * whether SNMP answers at all, so the runner can skip the rest when it does not):
 *   switch, router, firewall                          → mib2-system, mib2-interfaces, entity-sensor
 *   server                                            → mib2-system, host-resources
 *   ups                                               → mib2-system, ups-mib
 *   storage, pdu, air-conditioner, environment-sensor → mib2-system (uptime and identity; their vendor MIBs have no profile yet)
 *   pc, other, software                               → none
 * The vendor does not change the SNMP defaults: these MIBs are standard.
 */

export interface ProfileAsset {
  type: AssetType;
  vendor: string;
  model: string;
}

export interface DefaultProfiles {
  sshProfile: string | null;
  snmpProfiles: string[];
}

const NETWORK_TYPES: ReadonlySet<AssetType> = new Set(['switch', 'router', 'firewall']);

/* Matched on the lower-cased vendor (then model) text. Latin names as whole words, so "hp" does not match "hpc" or "Shpbrand". */
const HUAWEI_3COM = /(?:huawei|华为)[\s-]*3com/;
const ARUBA = /\baruba\b|procurve/;
const HUAWEI = /\bhuawei\b|华为/;
const H3C = /\bh3c\b|华三|\bhpe\b|\bhp\b|hewlett[\s-]*packard/;
const CISCO = /\bcisco\b|思科/;
const NOT_LINUX = /windows|microsoft|微软|vmware|esxi|\baix\b|solaris|hp-ux|\bhpux\b/;
const LINUX = /linux|centos|red\s*hat|rhel|ubuntu|debian|suse|\brocky\b|\balma(?:linux)?\b|oracle\s*linux|anolis|openeuler|euleros|kylin|麒麟|\buos\b|统信|deepin|深度/;

function networkSshProfile(text: string): string | null {
  if (HUAWEI_3COM.test(text)) return 'h3c-comware';
  if (ARUBA.test(text)) return null;
  if (HUAWEI.test(text)) return 'huawei-vrp';
  if (H3C.test(text)) return 'h3c-comware';
  if (CISCO.test(text)) return 'cisco-ios';
  return null;
}

export function defaultProfilesFor(asset: ProfileAsset): DefaultProfiles {
  const vendor = asset.vendor.trim().toLowerCase();
  const model = asset.model.trim().toLowerCase();
  const both = `${vendor} ${model}`;

  if (NETWORK_TYPES.has(asset.type)) {
    return { sshProfile: networkSshProfile(vendor === '' ? model : vendor), snmpProfiles: ['mib2-system', 'mib2-interfaces', 'entity-sensor'] };
  }
  switch (asset.type) {
    case 'server':
      return { sshProfile: NOT_LINUX.test(both) ? null : 'linux', snmpProfiles: ['mib2-system', 'host-resources'] };
    case 'ups':
      return { sshProfile: null, snmpProfiles: ['mib2-system', 'ups-mib'] };
    case 'storage':
    case 'pdu':
    case 'air-conditioner':
    case 'environment-sensor':
      return { sshProfile: null, snmpProfiles: ['mib2-system'] };
    case 'os':
      return { sshProfile: LINUX.test(both) && !NOT_LINUX.test(both) ? 'linux' : null, snmpProfiles: [] };
    default:
      return { sshProfile: null, snmpProfiles: [] };
  }
}
