import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '@shared/domain/profile';
import type { TemplateContent } from '@shared/domain/rounds';
import { parseTemplateJson } from '@shared/rounds/template-file';

/*
 * The checklist templates Walkdown ships: resources/checklists/<key>.<language>.json,
 * one template in one language per file (machine-room.zh-CN.json,
 * machine-room.en.json, ...). The key is the template's builtinKey, so
 * installDefaults can tell which are already there (in either language).
 */

export const CHECKLISTS_FOLDER = 'checklists';

export interface DefaultTemplate {
  builtinKey: string;
  language: Language;
  file: string;
  content: TemplateContent;
}

/** Everything wrong with the shipped files, one line each ("checklists/x.en.json: sections[0].key: ..."). */
export class DefaultTemplateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid checklist templates:\n  ${problems.join('\n  ')}`);
    this.name = 'DefaultTemplateError';
  }
}

const FILE_NAME = /^([a-z0-9][a-z0-9-]*)\.([A-Za-z-]+)\.json$/;

/** Reads and checks every shipped template; all problems are collected, then thrown together. */
export function loadDefaultTemplates(resourcesDir: string): DefaultTemplate[] {
  const dir = join(resourcesDir, CHECKLISTS_FOLDER);
  const problems: string[] = [];
  const templates: DefaultTemplate[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const where = `${CHECKLISTS_FOLDER}/${file}`;
    const match = FILE_NAME.exec(file);
    const language = match?.[2] as Language | undefined;
    if (!match || !language || !(LANGUAGES as readonly string[]).includes(language)) {
      problems.push(`${where}: the name must be <key>.<language>.json with language ${LANGUAGES.join(' or ')}`);
      continue;
    }
    const parsed = parseTemplateJson(readFileSync(join(dir, file), 'utf8'));
    if (!parsed.ok) {
      for (const problem of parsed.problems) problems.push(`${where}: ${problem.path || '(file)'}: ${problem.message}`);
      continue;
    }
    if (parsed.content.language !== language) {
      problems.push(`${where}: language: the file name says ${language}, the template says ${parsed.content.language}`);
      continue;
    }
    templates.push({ builtinKey: match[1] as string, language, file: where, content: parsed.content });
  }
  if (problems.length > 0) throw new DefaultTemplateError(problems);
  return templates;
}
