import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appDocumentMatcher } from './app-document';

describe('appDocumentMatcher', () => {
  const index = '/opt/Walkdown 巡检/resources/app.asar/dist/renderer/index.html';
  const isApp = appDocumentMatcher(index, 'linux');
  const href = pathToFileURL(index).href;

  it('accepts our document with any hash or query', () => {
    expect(isApp(href)).toBe(true);
    expect(isApp(`${href}#/locations/42`)).toBe(true);
    expect(isApp(`${href}?lang=en`)).toBe(true);
  });

  it('refuses other files, hosts and schemes', () => {
    expect(isApp(pathToFileURL('/opt/Walkdown 巡检/resources/app.asar/dist/renderer/other.html').href)).toBe(false);
    expect(isApp(pathToFileURL('/etc/passwd').href)).toBe(false);
    expect(isApp(href.replace('file:///', 'file://evil.example/'))).toBe(false);
    expect(isApp('https://example.com/index.html')).toBe(false);
    expect(isApp('about:blank')).toBe(false);
    expect(isApp('not a url')).toBe(false);
    expect(isApp(`${href.replace('index.html', '')}..%2Findex.html`)).toBe(false);
  });
});
