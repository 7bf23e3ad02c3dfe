/**
 * The lab harness for integration tests and benchmarks:
 *   const lab = await startLab({ hosts: 3, snmpsim: true, vendorCli: true, fleet: 200 });
 *   ...
 *   await lab.stop();
 * See README.md beside this file.
 */
export {
  LAB_USER,
  MAX_STARTUPS_DEFAULT,
  MAX_STARTUPS_FANOUT,
  SNMPSIM_CISCO_3750_COMMUNITY,
  SNMPSIM_CISCO_3750_SOURCE,
  netnsExec,
  startLab,
  type HostKey,
  type HostKeys,
  type Lab,
  type LabFleet,
  type LabHost,
  type LabOptions,
  type LabSnmp,
  type LabSnmpsim,
  type LabSsh,
  type LabVendorCli,
  type LabVendorDevice,
  type SnmpAuthProtocol,
  type SnmpPrivProtocol,
  type SnmpV3User,
} from './lab';
export { parseSnmprec, readSnmprec, SNMP_TYPE, subtree, type SnmprecValue } from './snmprec';
export { commandLine, recordedLines, VENDOR_BEHAVIOUR, VENDOR_PLATFORMS, type VendorBehaviour, type VendorCommands, type VendorPlatform, type VendorSelection } from './vendor-cli';
