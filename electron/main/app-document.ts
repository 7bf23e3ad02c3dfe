import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the test "is this URL our own renderer document?", used to decide
 * which navigations to allow, which IPC senders to trust and where events may
 * go. Only the file path counts: the hash and query are the renderer's own
 * routing state, while any other file, host or scheme is foreign content.
 */
export function appDocumentMatcher(indexHtmlPath: string, platform: NodeJS.Platform = process.platform): (url: string) => boolean {
  // Windows paths are case-insensitive and Chromium may report a drive letter
  // in a different case than Node resolved it.
  const normalize = (file: string) => (platform === 'win32' ? path.resolve(file).toLowerCase() : path.resolve(file));
  const expected = normalize(indexHtmlPath);
  return (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
    try {
      return normalize(fileURLToPath(parsed)) === expected;
    } catch {
      // fileURLToPath refuses encoded separators and relative Windows paths.
      return false;
    }
  };
}
