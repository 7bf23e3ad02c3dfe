/**
 * The web transport's per-start token. The server prints a URL carrying it as
 * `?token=`; we move it into sessionStorage at once so that a reload keeps
 * working, and strip it from the address bar so it does not end up in
 * history, bookmarks or screenshots.
 */
const STORAGE_KEY = 'walkdown.webToken';

export function takeWebToken(win: Window = window): string | null {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works for this page's life.
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
