/**
 * Device check transports: one function per way of talking to a device,
 * each taking a typed target, options and an AbortSignal, each returning a
 * typed result or throwing a CheckError (see README.md beside this file).
 */
export { CHECK_ERROR_CODES, CheckError, isCheckError, type CheckErrorCode } from './check-error';
export { checkAddress } from './address';
export { ping, pingSweep, type PingMethod, type PingOptions, type PingResult, type PingTarget } from './ping';
export { tcpConnect, type TcpOptions, type TcpResult, type TcpTarget } from './tcp';
export { httpCheck, type CertificateInfo, type HttpOptions, type HttpResult, type HttpTarget, type TlsInfo } from './http';
export {
  SNMP_TAG,
  SNMP_VALUE_TYPES,
  SnmpSessions,
  snmpGet,
  snmpWalk,
  type SnmpCredential,
  type SnmpGetResult,
  type SnmpOptions,
  type SnmpTarget,
  type SnmpValueType,
  type SnmpVarbind,
  type SnmpWalkResult,
} from './snmp';
export {
  LEGACY_ALGORITHMS,
  SshConnection,
  sshConnect,
  sshExec,
  sshShell,
  staticHostKeyPolicy,
  type HostKeyPolicy,
  type HostKeyVerdict,
  type SshCommandOutput,
  type SshConnectOptions,
  type SshConnectionInfo,
  type SshCredential,
  type SshExecCall,
  type SshExecOptions,
  type SshExecResult,
  type SshHostKeyInfo,
  type SshShellCall,
  type SshShellOptions,
  type SshShellResult,
  type SshTarget,
} from './ssh';
