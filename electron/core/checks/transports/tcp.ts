import { Socket } from 'node:net';
import { checkAddress, checkPort } from './address';
import { CheckError, cancelledError, fromSocketError, throwIfAborted, whenAborted } from './check-error';

export interface TcpTarget {
  address: string;
  port: number;
}

export interface TcpOptions {
  /** Connect timeout, ms (default 3000). */
  timeoutMs?: number;
}

export interface TcpResult {
  address: string;
  port: number;
  /** Always true: a port that is not open throws (check.refused / check.unreachable / check.timeout). */
  open: true;
  /** From connect() to the handshake completing, ms (0.001 resolution). */
  connectMs: number;
  /** The peer address actually connected to (a host name resolved). */
  remoteAddress: string | null;
}

/**
 * Opens a TCP connection and closes it at once (a FIN, no data). ECONNREFUSED
 * (a RST: the host is there, the port is closed) → check.refused;
 * EHOSTUNREACH/ENETUNREACH → check.unreachable; no answer within the timeout
 * (a filtered port, or a dead address on the local segment, whose ARP failure
 * Linux reports only after ~3 s) → check.timeout.
 */
export function tcpConnect(target: TcpTarget, options: TcpOptions, signal: AbortSignal): Promise<TcpResult> {
  const address = checkAddress(target.address);
  const port = checkPort(target.port, address);
  const timeoutMs = Math.max(1, options.timeoutMs ?? 3000);
  const details = { address, port };
  throwIfAborted(signal, details);

  return new Promise<TcpResult>((resolve, reject) => {
    const socket = new Socket();
    let settled = false;
    const started = performance.now();
    const finish = (outcome: { ok: TcpResult } | { error: CheckError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopListening();
      // Settle after the handle is closed, so nothing of this check is left on the event loop.
      const settle = () => ('ok' in outcome ? resolve(outcome.ok) : reject(outcome.error));
      if (socket.closed) settle();
      else socket.once('close', settle);
      socket.destroy();
    };
    const timer = setTimeout(() => finish({ error: new CheckError('check.timeout', `TCP ${address}:${port}: no answer within ${timeoutMs} ms`, { details: { ...details, timeoutMs } }) }), timeoutMs);
    const stopListening = whenAborted(signal, () => finish({ error: cancelledError(details) }));
    socket.once('connect', () => {
      const connectMs = Math.round((performance.now() - started) * 1000) / 1000;
      finish({ ok: { address, port, open: true, connectMs, remoteAddress: socket.remoteAddress ?? null } });
    });
    socket.on('error', (error) => finish({ error: fromSocketError(error, `TCP ${address}:${port}`, details) }));
    socket.connect({ host: address, port });
  });
}
