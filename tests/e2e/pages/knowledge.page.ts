import type { Locator, Page } from 'playwright-core';
import type { ArticleStatus } from '@shared/domain/knowledge';
import type { Strings } from './strings';

/** The knowledge base: the article list with its search, one article's page, and the editor. */
export class KnowledgePage {
  readonly editor: ArticleEditor;

  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {
    this.editor = new ArticleEditor(page, strings);
  }

  private get s() {
    return this.strings.knowledge;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s.title, exact: true });
  }

  get newButton(): Locator {
    return this.page.getByRole('link', { name: this.s.newArticle, exact: true });
  }

  get emptyState(): Locator {
    return this.page.getByText(this.s.empty.title, { exact: true });
  }

  get noMatches(): Locator {
    return this.page.getByText(this.s.noMatches.title, { exact: true });
  }

  get search(): Locator {
    return this.page.getByRole('search', { name: this.s.filters }).getByRole('searchbox', { name: this.s.search });
  }

  get results(): Locator {
    return this.page.getByRole('list', { name: this.s.results });
  }

  /** An article's row in the results: a link holding its title, chips, snippet and byline. */
  result(title: string): Locator {
    return this.results.getByRole('link').filter({ hasText: title });
  }

  /**
   * Waits until the results show exactly these titles, in any order (the
   * search follows typing after a short pause); none means no list at all.
   */
  async waitForTitles(titles: readonly string[]): Promise<void> {
    await this.page.waitForFunction(
      ({ label, expected }) => {
        const list = Array.from(document.querySelectorAll('ul')).find((element) => element.getAttribute('aria-label') === label);
        // The title is the first text span of a row; chips and snippet follow it.
        const shown = list ? Array.from(list.querySelectorAll('a')).map((row) => row.querySelector('span')?.textContent ?? '') : [];
        return JSON.stringify([...shown].sort()) === JSON.stringify([...expected].sort());
      },
      { label: this.s.results, expected: titles },
    );
  }

  /** Types into the search box and waits for the results to be exactly `titles`. */
  async searchFor(text: string, titles: readonly string[]): Promise<void> {
    await this.search.fill(text);
    await this.waitForTitles(titles);
  }

  // One article's page.

  articleHeading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  get editButton(): Locator {
    return this.page.getByRole('button', { name: this.s.article.edit, exact: true });
  }

  /** The "Details" list's value for a label, e.g. the status chip's words. */
  detail(label: string): Locator {
    return this.page.locator('dt').filter({ hasText: new RegExp(`^${escape(label)}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  /** The link back to the incident or problem the article was written from. */
  sourceLink(type: 'incident' | 'problem'): Locator {
    return this.page.getByRole('link', { name: this.s.article.sourceLink[type], exact: true });
  }
}

/** The article editor, for a new article (/knowledge/new, maybe from an incident) or an existing one. */
export class ArticleEditor {
  constructor(
    readonly page: Page,
    readonly strings: Strings,
  ) {}

  private get s() {
    return this.strings.knowledge.form;
  }

  /** The editor's form, named "New article" or "Edit article". */
  get form(): Locator {
    return this.page.getByRole('form', { name: this.s.newTitle, exact: true }).or(this.page.getByRole('form', { name: this.s.editTitle, exact: true }));
  }

  get title(): Locator {
    return this.form.getByRole('textbox', { name: this.s.title, exact: true });
  }

  get body(): Locator {
    return this.form.getByRole('textbox', { name: this.s.body, exact: true });
  }

  select(field: 'language' | 'status'): Locator {
    return this.form.getByRole('combobox', { name: this.s[field], exact: true });
  }

  get preview(): Locator {
    return this.form.getByRole('region', { name: this.s.preview, exact: true });
  }

  get saveButton(): Locator {
    return this.form.getByRole('button', { name: this.s.save, exact: true });
  }

  /** The note above a draft saying which incident or problem it came from. */
  draftNotice(from: 'incident' | 'problem'): Locator {
    return this.form.getByRole('alert').filter({ hasText: this.s.draftFrom[from].split('{{')[0] ?? '' });
  }

  async setStatus(status: ArticleStatus): Promise<void> {
    await this.select('status').click();
    await this.page.getByRole('option', { name: this.strings.knowledge.statuses[status], exact: true }).click();
    await this.select('status').filter({ hasText: this.strings.knowledge.statuses[status] }).waitFor();
  }

  /** Saves with the Save button; the editor closes and the article's page shows its title. */
  async save(): Promise<void> {
    const title = await this.title.inputValue();
    await this.saveButton.click();
    await this.form.waitFor({ state: 'detached' });
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
