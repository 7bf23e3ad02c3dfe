import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CallListEntry, PlanContact, PlanStep, PlanTemplate, type PlanTemplateSummary } from '@shared/domain/emergency-plans';
import { AppError } from '@shared/errors';

/*
 * Emergency plan templates are data: resources/emergency-plans/<id>.json, one
 * plan in one language per file. They are checked thoroughly when first read,
 * because a mistake in a shipped template would otherwise surface in a copy
 * someone opens during an outage.
 */

export const TEMPLATES_FOLDER = 'emergency-plans';

/** Everything wrong with the template files, one line each ("emergency-plans/x.json: steps[2].title: ..."). */
export class PlanTemplateError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid emergency plan templates:\n  ${problems.join('\n  ')}`);
    this.name = 'PlanTemplateError';
    this.problems = problems;
  }
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `${text === '' ? '' : '.'}${String(part)}`;
  return text === '' ? '(file)' : text;
}

const NESTED_KEYS = {
  steps: Object.keys(PlanStep.shape),
  contacts: Object.keys(PlanContact.shape),
  callList: Object.keys(CallListEntry.shape),
} as const;

/** Keys the nested objects do not know: zod drops them quietly, which would hide a misspelt field. */
function unknownNestedKeys(json: unknown): string[] {
  if (typeof json !== 'object' || json === null) return [];
  const found: string[] = [];
  for (const [list, known] of Object.entries(NESTED_KEYS)) {
    const items = (json as Record<string, unknown>)[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (typeof item !== 'object' || item === null) return;
      for (const key of Object.keys(item)) if (!(known as readonly string[]).includes(key)) found.push(`${list}[${index}].${key}`);
    });
  }
  return found;
}

/**
 * Reads and checks every template under `<resourcesDir>/emergency-plans/`:
 * the JSON parses; the shape (unknown keys refused at every level); the rules
 * every plan follows (a step at least, phone numbers, the call list naming
 * the plan's contacts in time order); the id is the file name and ends in the
 * language the template is written in. All problems are collected, then one
 * PlanTemplateError names them all.
 */
export function loadPlanTemplates(resourcesDir: string): PlanTemplate[] {
  const dir = join(resourcesDir, TEMPLATES_FOLDER);
  const problems: string[] = [];
  const templates: PlanTemplate[] = [];
  for (const file of jsonFiles(dir)) {
    const where = `${TEMPLATES_FOLDER}/${file}`;
    const problem = (path: string, message: string) => problems.push(`${where}: ${path}: ${message}`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problem('(file)', `not valid JSON: ${(error as Error).message}`);
      continue;
    }
    for (const key of unknownNestedKeys(json)) problem(key, 'unknown field');
    const result = PlanTemplate.safeParse(json);
    if (!result.success) {
      for (const issue of result.error.issues) problem(pathText(issue.path), issue.message);
      continue;
    }
    const template = result.data;
    const fileId = file.slice(0, -'.json'.length);
    if (template.id !== fileId) problem('id', `"${template.id}" must be the file name ("${fileId}")`);
    if (!template.id.endsWith(`.${template.language}`)) problem('language', `a ${template.language} template's id ends in ".${template.language}"`);
    templates.push(template);
  }
  if (templates.length === 0 && problems.length === 0) problems.push(`${dir}: no template found (expected *.json)`);
  if (problems.length > 0) throw new PlanTemplateError(problems);
  return templates;
}

function jsonFiles(dir: string): string[] {
  try {
    if (!statSync(dir).isDirectory()) return [];
  } catch {
    return [];
  }
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
}

export function toTemplateSummary(template: PlanTemplate): PlanTemplateSummary {
  return {
    id: template.id,
    title: template.title,
    scenario: template.scenario,
    severity: template.severity,
    language: template.language,
    objective: template.objective,
    stepCount: template.steps.length,
    contactCount: template.contacts.length,
  };
}

/**
 * The templates, read on first use. A broken resources folder then costs the
 * templates only: plans already written still open, which is what matters
 * during an outage.
 */
export class PlanTemplateCatalog {
  private loaded: PlanTemplate[] | null = null;

  constructor(readonly resourcesDir: string) {}

  all(): PlanTemplate[] {
    if (!this.loaded) {
      try {
        this.loaded = loadPlanTemplates(this.resourcesDir);
      } catch (error) {
        const problems = error instanceof PlanTemplateError ? error.problems.slice(0, 20) : [];
        throw new AppError('internal.error', `The emergency plan templates in ${this.resourcesDir} cannot be used: ${(error as Error).message}`, {
          details: { resourcesDir: this.resourcesDir, problems },
          cause: error,
        });
      }
    }
    return this.loaded;
  }

  get(id: string): PlanTemplate {
    const template = this.all().find((t) => t.id === id);
    if (!template) throw new AppError('plans.not-found', `No emergency plan template ${id}`, { details: { templateId: id } });
    return template;
  }
}
