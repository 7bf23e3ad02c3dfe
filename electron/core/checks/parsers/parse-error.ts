/**
 * The stable error code of a failed parse. It is not in shared/errors.ts yet
 * (the lead adds it there); until then ParseError carries it as a literal and
 * the edge converts it like any AppError.
 */
export const PARSE_FAILED = 'check.parse-failed' as const;

export interface ParseErrorDetails {
  /** Registry id of the parser that refused the text, e.g. 'huawei.display-version'. */
  parserId: string;
  /** Machine-readable reason: 'cli-error' | 'not-this-command' | 'unexpected-line' | 'empty'. */
  reason: 'cli-error' | 'not-this-command' | 'unexpected-line' | 'empty';
  /** The offending line (trimmed, at most 200 characters), when there is one. */
  line?: string;
}

/**
 * Thrown when text is clearly not the output of the command a parser reads
 * (a CLI error, another command's output, an empty answer where the command
 * always prints something). Parsers never return a partial or guessed result.
 */
export class ParseError extends Error {
  readonly code = PARSE_FAILED;
  readonly retryable = false;
  readonly details: ParseErrorDetails;

  constructor(message: string, details: ParseErrorDetails) {
    super(message);
    this.name = 'ParseError';
    this.details = details.line === undefined ? details : { ...details, line: details.line.trim().slice(0, 200) };
  }
}

export function isParseError(error: unknown): error is ParseError {
  return error instanceof ParseError;
}
