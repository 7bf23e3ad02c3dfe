import { LANGUAGES, type Language } from '@shared/domain/profile';

export interface LaunchOptions {
  /** UI language forced from the command line (`--lang en`), overriding the saved setting and the OS locale. */
  language?: Language;
  /** Walkdown switches given with a value we do not understand, for the log. */
  ignored: string[];
}

/**
 * Reads Walkdown's own switches from argv. Unknown arguments are left alone:
 * Chromium and Electron read theirs from the same list.
 */
export function parseLaunchOptions(argv: readonly string[]): LaunchOptions {
  const options: LaunchOptions = { ignored: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    let value: string | undefined;
    if (arg === '--lang') value = argv[i + 1];
    else if (arg?.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else continue;
    const language = LANGUAGES.find((candidate) => candidate.toLowerCase() === value?.toLowerCase());
    if (language) options.language = language;
    else options.ignored.push(`--lang ${value ?? ''}`.trim());
  }
  return options;
}
