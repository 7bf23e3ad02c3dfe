import { columnsOf, RECORD_FILTERS, RECORD_KIND_LABELS, vocabularyLabel, type RecordColumn, type RecordRow, type RecordsFilter } from '@shared/domain/records';
import type { Language } from '@shared/domain/profile';
import { durationText, ZonedClock } from './wall-clock';

/** A cell as the writers receive it: typed by its column. */
export type Cell = string | number | null;

/**
 * The columns of a records list in one language, and each row's values as
 * the file shows them: fixed values by their name, times in the scope's zone
 * (kept as epoch ms for writers that type cells), text as is.
 */
export class RecordTable {
  readonly columns: readonly RecordColumn[];
  readonly headers: string[];
  readonly clock: ZonedClock;

  constructor(
    readonly filter: RecordsFilter,
    readonly language: Language,
  ) {
    this.columns = columnsOf(filter.kind);
    this.headers = this.columns.map((column) => column.header[language]);
    this.clock = new ZonedClock(filter.timeZone);
  }

  /** Values with vocabularies translated; numbers, times and durations still numbers. */
  cells(row: RecordRow): Cell[] {
    return this.columns.map((column) => {
      const value = row.values[column.key] ?? null;
      if (value === null) return null;
      if (column.vocabulary && typeof value === 'string') return vocabularyLabel(column.vocabulary, value, this.language);
      return value;
    });
  }

  /** Every cell as text (CSV, PDF). */
  texts(row: RecordRow): (string | number)[] {
    return this.cells(row).map((cell, index) => {
      if (cell === null) return '';
      const column = this.columns[index] as RecordColumn;
      if (typeof cell !== 'number') return cell;
      switch (column.type) {
        case 'dateTime':
          return this.clock.text(cell);
        case 'duration':
          return durationText(cell);
        case 'ratio':
          return `${(cell * 100).toFixed(1)}%`;
        default:
          return cell;
      }
    });
  }

  /** Characters wide enough for the header and the sample's longest value (CJK counts double), within 8–60. */
  widths(sample: readonly RecordRow[]): number[] {
    const widths = this.headers.map((header, index) => Math.max(displayWidth(header) + 4, (this.columns[index] as RecordColumn).width));
    for (const row of sample.slice(0, 1000)) {
      this.texts(row).forEach((text, index) => {
        widths[index] = Math.max(widths[index] as number, displayWidth(String(text)) + 2);
      });
    }
    return widths.map((width) => Math.min(60, Math.max(8, width)));
  }

  /** "事件" / "Incidents". */
  title(): string {
    return RECORD_KIND_LABELS[this.filter.kind][this.language];
  }

  /** The period and the filters in force, for a file's heading. */
  describeFilter(names: { location: string | null }): string[] {
    const zh = this.language === 'zh-CN';
    const lastDay = this.clock.day(this.filter.to - 1);
    const lines = [`${zh ? '期间' : 'Period'}: ${this.clock.day(this.filter.from)} – ${lastDay} (${this.filter.timeZone})`];
    const rules = RECORD_FILTERS[this.filter.kind];
    if (names.location) lines.push(`${zh ? '位置' : 'Location'}: ${names.location}`);
    if (this.filter.engineer && rules.engineer) lines.push(`${zh ? '工程师' : 'Engineer'}: ${this.filter.engineer}`);
    const list = (label: [string, string], vocabulary: Parameters<typeof vocabularyLabel>[0] | null, values: readonly string[]) => {
      if (values.length === 0 || !vocabulary) return;
      lines.push(`${zh ? label[1] : label[0]}: ${values.map((value) => vocabularyLabel(vocabulary, value, this.language)).join(', ')}`);
    };
    list(['Category', '类别'], rules.category, this.filter.categories);
    list(['Status', '状态'], rules.status, this.filter.statuses);
    if (rules.priority) list(['Priority', '优先级'], 'priority', this.filter.priorities);
    if (rules.slaState) list(['SLA', 'SLA'], 'slaState', this.filter.slaStates);
    if (this.filter.search && rules.search) lines.push(`${zh ? '搜索' : 'Search'}: ${this.filter.search}`);
    return lines;
  }
}

/** Width in Latin characters: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}
