import { app, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '@shared/security/content-security-policy';

/**
 * Session-wide defences: the CSP header, and no permission for anything
 * (geolocation, notifications, USB, microphone, screen capture, ...) except
 * two, and only for our own document: writing to the clipboard, which "copy
 * address" buttons need, and the camera (video only), with which quick open
 * reads QR asset labels.
 */
export function secureSession(session: Session, isAppDocument: (url: string) => boolean): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[] | string> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy a response brings, whatever its header's case, so ours is the only one.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    // Electron's security guide warns that a header cannot be relied on for
    // file:// documents, so index.html carries the same policy in a <meta> tag.
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });

  const fromApp = (contents: WebContents | null) => contents !== null && !contents.isDestroyed() && isAppDocument(contents.getURL());
  // A media request lists what it wants; the camera alone is allowed, never the microphone.
  const videoOnly = (mediaTypes: readonly string[] | undefined) => mediaTypes !== undefined && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
  const isAllowed = (permission: string, contents: WebContents | null, mediaTypes?: readonly string[]) =>
    fromApp(contents) && (permission === 'clipboard-sanitized-write' || (permission === 'media' && videoOnly(mediaTypes)));

  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isAllowed(permission, contents, 'mediaTypes' in details ? details.mediaTypes : undefined)),
  );
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isAllowed(permission, contents, details.mediaType === undefined ? undefined : [details.mediaType]),
  );
  session.setDevicePermissionHandler(() => false);
  // The spellchecker downloads Hunspell dictionaries from Google on Windows and
  // Linux: unwanted traffic from an offline-first tool, and useless for device names.
  session.setSpellCheckerEnabled(false);
}

/**
 * Guards every web contents the app will ever create, including any we do not
 * create on purpose: no new windows, no navigation away from our document,
 * no <webview>.
 */
export function guardAllWebContents(isAppDocument: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAppDocument(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppDocument(event.url)) event.preventDefault();
    });
    // will-navigate only sees the main frame; an injected <iframe> is refused here.
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && !isAppDocument(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
