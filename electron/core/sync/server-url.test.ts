import { describe, expect, it } from 'vitest';
import { isLoopback, normaliseServerUrl } from './server-url';

describe('server address', () => {
  it('accepts http and https, adds https when no scheme is given, and drops trailing slashes', () => {
    expect(normaliseServerUrl(' http://127.0.0.1:8080/ ')).toBe('http://127.0.0.1:8080');
    expect(normaliseServerUrl('https://ops.example.com/walkdown//')).toBe('https://ops.example.com/walkdown');
    expect(normaliseServerUrl('sync.example.com')).toBe('https://sync.example.com');
    expect(normaliseServerUrl('HTTP://[::1]:9000')).toBe('http://[::1]:9000');
  });

  it.each([
    ['ftp://example.com', /http and https/],
    ['file:///etc/passwd', /http and https/],
    ['javascript:alert(1)', /not an address|http and https/],
    ['http://user:secret@example.com', /user name or password/],
    ['https://example.com/?token=1', /query or a fragment/],
    ['https://example.com/#x', /query or a fragment/],
    ['http://', /not an address/],
  ])('refuses %s', (input, message) => {
    expect(() => normaliseServerUrl(input)).toThrow(expect.objectContaining({ code: 'sync.invalid-server-url', message: expect.stringMatching(message) }));
  });

  it('tells a loopback address from another', () => {
    expect(isLoopback('http://127.0.0.1:8080')).toBe(true);
    expect(isLoopback('http://localhost')).toBe(true);
    expect(isLoopback('http://192.168.1.10')).toBe(false);
  });
});
