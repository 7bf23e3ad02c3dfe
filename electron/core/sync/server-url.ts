import { AppError } from '@shared/errors';

/**
 * The server address as the person typed it, checked and normalised: http or
 * https only, a host, no credentials, query or fragment (the token travels in
 * a header, never in the address). Path prefixes are kept, so a server behind
 * a reverse proxy at https://ops.example.com/walkdown works. No trailing slash.
 *
 * Plain http is allowed: a server on the office network or on this machine
 * often has no certificate. The Sync page says so next to the address.
 */
export function normaliseServerUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw invalid(`"${text.slice(0, 200)}" is not an address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`Only http and https addresses are allowed, not ${url.protocol}`);
  if (!url.hostname) throw invalid('The address has no host');
  if (url.username || url.password) throw invalid('The address must not carry a user name or password');
  if (url.search || url.hash) throw invalid('The address must not carry a query or a fragment');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** Whether the address stays on this machine (plain http is then no risk). */
export function isLoopback(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function invalid(message: string): AppError {
  return new AppError('sync.invalid-server-url', message);
}
