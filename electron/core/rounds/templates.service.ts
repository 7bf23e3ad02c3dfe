import type { ExportedFile } from '@shared/api/asset-transfer.contract';
import type { Language, Profile } from '@shared/domain/profile';
import { TemplateContent, type ChecklistTemplate } from '@shared/domain/rounds';
import { AppError } from '@shared/errors';
import { contentFingerprint, parseTemplateJson } from '@shared/rounds/template-file';
import type { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import type { Mutation } from '../store/write-path';
import { DefaultTemplateError, loadDefaultTemplates, type DefaultTemplate } from './default-templates';
import { toTemplate } from './round-records';
import type { RoundsRepo, TemplateRow } from './rounds.repo';

const ENTITIES = ['checklistTemplate', 'checklistTemplateVersion'];

/**
 * Checklist templates. Saving content that differs from the current version
 * makes a new, immutable version; rounds keep pointing at theirs. Version
 * snapshots are read often (every entry is judged against one) and never
 * change, so their parsed content is kept in memory.
 */
export class TemplatesService {
  private readonly contents = new Map<string, TemplateContent>();
  private defaults: DefaultTemplate[] | null = null;

  constructor(
    private readonly store: LocalStore,
    private readonly repo: RoundsRepo,
    private readonly events: EventBus,
    private readonly actor: () => Profile | null,
    private readonly resourcesDir: string,
  ) {}

  list(includeArchived: boolean): ChecklistTemplate[] {
    return this.repo.templates(includeArchived).map((row) => this.current(row));
  }

  get(id: string, versionId?: string): ChecklistTemplate {
    const row = this.liveRow(id);
    if (versionId === undefined) return this.current(row);
    return this.atVersion(row, versionId);
  }

  /** A template as it was at one version (a round's). */
  atVersion(row: TemplateRow, versionId: string): ChecklistTemplate {
    const version = this.repo.version(versionId);
    if (!version || version.template_id !== row.id) throw new AppError('templates.not-found', `Template ${row.id} has no version ${versionId}`, { details: { id: row.id, versionId } });
    return toTemplate(row, version, this.content(versionId));
  }

  /** The parsed content of a version (cached: versions never change). */
  content(versionId: string): TemplateContent {
    let content = this.contents.get(versionId);
    if (!content) {
      const version = this.repo.version(versionId);
      if (!version) throw new AppError('templates.not-found', `No template version ${versionId}`, { details: { versionId } });
      // Parsed again rather than trusted: a version synced from a newer build may carry fields this one drops.
      content = TemplateContent.parse(JSON.parse(version.content));
      this.contents.set(versionId, content);
    }
    return content;
  }

  /** New template, or a new version of one when the content changed (unchanged content saves nothing). */
  save(id: string | undefined, content: TemplateContent): ChecklistTemplate {
    const templateId = id ?? newId();
    this.requireActor();
    let changed = false;
    this.store.writePath.write(() => {
      if (id === undefined) {
        changed = true;
        return this.createMutations(templateId, content, null);
      }
      const row = this.liveRow(id);
      if (contentFingerprint(this.content(row.version_id)) === contentFingerprint(content)) return [];
      changed = true;
      const versionId = newId();
      const version = this.repo.lastVersion(id) + 1;
      return [
        { entity: 'checklistTemplateVersion', op: 'insert', id: versionId, fields: { templateId: id, version, content } },
        { entity: 'checklistTemplate', op: 'update', id, fields: { name: content.name, language: content.language, version, versionId } },
      ];
    });
    if (changed) this.changed();
    return this.get(templateId);
  }

  archive(id: string, archived: boolean): ChecklistTemplate {
    this.requireActor();
    this.store.writePath.write(() => {
      this.liveRow(id);
      return [{ entity: 'checklistTemplate', op: 'update', id, fields: { archived: archived ? 1 : 0 } }];
    });
    this.changed();
    return this.get(id);
  }

  /** A template file as a new template; a file that is not one fails with the path of each problem. */
  import(json: string): ChecklistTemplate {
    const parsed = parseTemplateJson(json);
    if (!parsed.ok) {
      const first = parsed.problems[0];
      throw new AppError('templates.invalid-file', `Not a checklist template: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? ''}`, {
        details: { path: first?.path ?? '', problems: parsed.problems.slice(0, 50) },
      });
    }
    return this.save(undefined, parsed.content);
  }

  /** The current version as the same JSON an import reads. */
  export(id: string): ExportedFile {
    const template = this.get(id);
    const content: TemplateContent = { name: template.name, description: template.description, language: template.language, scope: template.scope, sections: template.sections };
    const slug = template.name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'template';
    return {
      fileName: `${slug}.v${template.version}.json`,
      mimeType: 'application/json',
      contentBase64: Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8').toString('base64'),
      rows: 1,
    };
  }

  /** Adds each shipped template (of the language, or both) not installed yet; one kept archived counts as installed. */
  installDefaults(language: Language | undefined): { installed: number } {
    this.requireActor();
    const wanted = this.shipped().filter((template) => language === undefined || template.language === language);
    let installed = 0;
    this.store.writePath.write(() => {
      const mutations: Mutation[] = [];
      for (const template of wanted) {
        if (this.repo.builtinTemplate(template.builtinKey, template.language)) continue;
        mutations.push(...this.createMutations(newId(), template.content, template.builtinKey));
        installed += 1;
      }
      return mutations;
    });
    if (installed > 0) this.changed();
    return { installed };
  }

  liveRow(id: string): TemplateRow {
    const row = this.repo.template(id);
    if (!row) throw new AppError('templates.not-found', `No checklist template ${id}`, { details: { id } });
    return row;
  }

  private shipped(): DefaultTemplate[] {
    if (!this.defaults) {
      try {
        this.defaults = loadDefaultTemplates(this.resourcesDir);
      } catch (error) {
        const problems = error instanceof DefaultTemplateError ? error.problems.slice(0, 20) : [];
        throw new AppError('internal.error', `The shipped checklist templates cannot be read: ${(error as Error).message}`, { details: { problems }, cause: error });
      }
    }
    return this.defaults;
  }

  private current(row: TemplateRow): ChecklistTemplate {
    return this.atVersion(row, row.version_id);
  }

  private createMutations(id: string, content: TemplateContent, builtinKey: string | null): Mutation[] {
    const versionId = newId();
    return [
      { entity: 'checklistTemplate', op: 'insert', id, fields: { builtinKey, name: content.name, language: content.language, version: 1, versionId, archived: 0 } },
      { entity: 'checklistTemplateVersion', op: 'insert', id: versionId, fields: { templateId: id, version: 1, content } },
    ];
  }

  private requireActor(): Profile {
    const actor = this.actor();
    if (!actor) throw new AppError('profile.required', 'Set your name and role before changing records');
    return actor;
  }

  private changed(): void {
    this.events.emit('records.changed', { entities: ENTITIES });
  }
}
