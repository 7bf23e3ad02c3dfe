/** The most text one paste may hold: the contract's limit. */
export const MAX_CAPTURED_CHARS = 1_000_000;

/** What a file picker offers: terminal logs are saved as .txt or .log. */
export const CAPTURED_ACCEPT = '.txt,.log,text/plain';

/**
 * A saved terminal log as text. SecureCRT, Xshell and PuTTY on a Chinese
 * Windows laptop often save in the system code page (GBK), so text that is not
 * valid UTF-8 is read as GB18030, which covers GBK and ASCII alike.
 */
export function decodeCapturedBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export interface ParserGroup<P> {
  dialect: string;
  parsers: P[];
}

/** Parsers grouped by the CLI they read, in a fixed vendor order, commands sorted within a group. */
const DIALECT_ORDER = ['vrp', 'comware', 'ios', 'linux'];

export function groupParsers<P extends { dialect: string; command: string }>(parsers: readonly P[]): ParserGroup<P>[] {
  const groups = new Map<string, P[]>();
  for (const parser of parsers) groups.set(parser.dialect, [...(groups.get(parser.dialect) ?? []), parser]);
  const rank = (dialect: string) => {
    const index = DIALECT_ORDER.indexOf(dialect);
    return index < 0 ? DIALECT_ORDER.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([dialect, list]) => ({ dialect, parsers: list.sort((a, b) => a.command.localeCompare(b.command)) }));
}
