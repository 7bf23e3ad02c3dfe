import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { checkAddress } from './address';
import { CheckError, cancelledError, fromSocketError, throwIfAborted, whenAborted } from './check-error';

export interface HttpTarget {
  /** http:// or https:// URL; host is an IP address or a host name. */
  url: string;
}

export interface HttpOptions {
  method?: 'GET' | 'HEAD';
  /** The whole exchange (connect, TLS, headers, body), ms (default 10000). */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** Body bytes kept (default 64 KiB); reading stops there and `bodyTruncated` is set. */
  maxBodyBytes?: number;
}

export interface CertificateInfo {
  /** `CN=device.example, O=Example` */
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Whole days until validTo (negative once expired). */
  daysLeft: number;
  expired: boolean;
  /** Subject equals issuer: nobody vouches for it (typical of a switch's or UPS card's web UI). */
  selfSigned: boolean;
  /** `AB:CD:...` SHA-256 of the DER certificate. */
  fingerprint256: string;
  serialNumber: string;
}

export interface TlsInfo {
  protocol: string | null;
  cipher: string | null;
  /** The chain verified against the system CAs and the name matched the URL's host. */
  authorized: boolean;
  /** Why not, e.g. DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID. */
  authorizationError: string | null;
  certificate: CertificateInfo | null;
}

export interface HttpResult {
  url: string;
  method: 'GET' | 'HEAD';
  status: number;
  statusText: string;
  /** Request start until the response headers, ms. */
  latencyMs: number;
  /** Until the body was read (or cut), ms. */
  totalMs: number;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Redirects are not followed: the Location header as sent, and resolved against the URL. */
  location: string | null;
  locationUrl: string | null;
  body: string;
  bodyBytes: number;
  bodyTruncated: boolean;
  remoteAddress: string | null;
  tls: TlsInfo | null;
}

const DAY_MS = 86_400_000;

/**
 * One HTTP(S) request, no redirect followed, no proxy, no connection reuse.
 * TLS is always completed (rejectUnauthorized: false) so a device's
 * self-signed or expired certificate is reported, not fatal: `tls.authorized`
 * and `tls.authorizationError` say what a browser would think of it.
 * A status of 4xx/5xx is a result, not an error. Throws check.timeout,
 * check.refused, check.unreachable, check.protocol-error (TLS or HTTP
 * garbage), check.no-address, check.cancelled.
 */
export function httpCheck(target: HttpTarget, options: HttpOptions, signal: AbortSignal): Promise<HttpResult> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    throw new CheckError('check.no-address', `Not a URL: ${JSON.stringify(String(target.url).slice(0, 200))}`, { details: { url: String(target.url).slice(0, 500) } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CheckError('check.no-address', `Only http and https URLs are checked, not ${url.protocol}`, { details: { url: url.href } });
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  checkAddress(host);
  const method = options.method ?? 'GET';
  const timeoutMs = Math.max(1, options.timeoutMs ?? 10_000);
  const maxBodyBytes = Math.max(0, options.maxBodyBytes ?? 64 * 1024);
  const details = { url: url.href, address: host };
  throwIfAborted(signal, details);

  return new Promise<HttpResult>((resolve, reject) => {
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 1000) / 1000;
    let settled = false;
    let socket: Socket | undefined;
    const finish = (outcome: { ok: HttpResult } | { error: CheckError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopListening();
      const settle = () => ('ok' in outcome ? resolve(outcome.ok) : reject(outcome.error));
      // Settle once the socket is closed: nothing of this check stays on the event loop.
      if (!socket || socket.closed) settle();
      else socket.once('close', settle);
      req.destroy();
      socket?.destroy();
    };

    const requestOptions = {
      method,
      headers: { 'user-agent': 'Walkdown-check/1', accept: '*/*', connection: 'close', ...options.headers },
      agent: false as const,
      // A device's self-signed certificate is what we came to report, not a reason to hang up.
      rejectUnauthorized: false,
    };
    const req = url.protocol === 'https:' ? httpsRequest(url, requestOptions) : httpRequest(url, requestOptions);
    const timer = setTimeout(
      () => finish({ error: new CheckError('check.timeout', `${method} ${url.href}: no complete answer within ${timeoutMs} ms`, { details: { ...details, timeoutMs } }) }),
      timeoutMs,
    );
    const stopListening = whenAborted(signal, () => finish({ error: cancelledError(details) }));

    req.on('socket', (s) => {
      socket = s;
    });
    req.on('error', (error) => finish({ error: fromSocketError(error, `${method} ${url.href}`, details) }));
    req.on('response', (res: IncomingMessage) => {
      const latencyMs = elapsed();
      const tls = url.protocol === 'https:' ? tlsInfo(res.socket as TLSSocket) : null;
      const chunks: Buffer[] = [];
      let kept = 0;
      let total = 0;
      let truncated = false;
      const done = () => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        const location = headers.location ?? null;
        let locationUrl: string | null = null;
        if (location !== null) {
          try {
            locationUrl = new URL(location, url).href;
          } catch {
            locationUrl = null;
          }
        }
        finish({
          ok: {
            url: url.href,
            method,
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            latencyMs,
            totalMs: elapsed(),
            headers,
            location,
            locationUrl,
            body: Buffer.concat(chunks).toString('utf8'),
            bodyBytes: total,
            bodyTruncated: truncated,
            remoteAddress: res.socket?.remoteAddress ?? null,
            tls,
          },
        });
      };
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (kept < maxBodyBytes) {
          const part = chunk.subarray(0, maxBodyBytes - kept);
          chunks.push(part);
          kept += part.length;
        }
        if (total > maxBodyBytes) {
          truncated = true;
          done();
        }
      });
      res.on('end', done);
      res.on('error', (error) => finish({ error: fromSocketError(error, `${method} ${url.href}`, details) }));
    });
    req.end();
  });
}

function tlsInfo(socket: TLSSocket): TlsInfo {
  const cert = socket.getPeerCertificate?.(false);
  const hasCert = cert && typeof cert === 'object' && Object.keys(cert).length > 0;
  const authorizationError = socket.authorizationError;
  return {
    protocol: socket.getProtocol?.() ?? null,
    cipher: socket.getCipher?.()?.name ?? null,
    authorized: socket.authorized === true,
    authorizationError: authorizationError ? String((authorizationError as unknown as { code?: string }).code ?? authorizationError) : null,
    certificate: hasCert ? certificateInfo(cert) : null,
  };
}

function distinguishedName(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .join(', ');
}

export function certificateInfo(cert: PeerCertificate, now = Date.now()): CertificateInfo {
  const validFrom = new Date(cert.valid_from);
  const validTo = new Date(cert.valid_to);
  const subject = distinguishedName(cert.subject);
  const issuer = distinguishedName(cert.issuer);
  return {
    subject,
    issuer,
    subjectAltNames: cert.subjectaltname ? cert.subjectaltname.split(/,\s*/).filter(Boolean) : [],
    validFrom: Number.isNaN(validFrom.getTime()) ? cert.valid_from : validFrom.toISOString(),
    validTo: Number.isNaN(validTo.getTime()) ? cert.valid_to : validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now) / DAY_MS),
    expired: validTo.getTime() < now,
    selfSigned: subject === issuer,
    fingerprint256: cert.fingerprint256,
    serialNumber: cert.serialNumber,
  };
}
