import type { AssetType } from '@shared/domain/assets';
import type { Incident } from '@shared/domain/incidents';
import type { ArticleFieldsInput, ArticleSourceType } from '@shared/domain/knowledge';
import type { Problem } from '@shared/domain/problems';
import type { Language } from '@shared/domain/profile';

/** What an article draft is made from: a solved incident or problem, in neutral terms. */
export interface DraftSource {
  type: ArticleSourceType;
  id: string;
  title: string;
  /** What was seen (the incident's description). */
  symptoms: string;
  cause: string;
  method: string;
  workaround: string;
  /** Labels already in the article language (the incident's category, say). */
  tags: readonly string[];
  /** The assets involved: their types and vendors become the article's. */
  assets: readonly { type: AssetType; vendor: string }[];
}

/** Section headings in the article language (not necessarily the UI's). */
export interface DraftHeadings {
  symptoms: string;
  cause: string;
  method: string;
  workaround: string;
}

/**
 * A Markdown draft of a knowledge article from a solved incident or problem:
 * title, then Symptoms, Cause and Method (现象, 原因, 处理方法), and the
 * Workaround (临时措施) when one was given. Empty sections keep their heading
 * so the author sees what is missing. Asset types and vendors come from the
 * assets, once each; the article stays a draft until the author publishes it.
 */
export function buildArticleDraft(source: DraftSource, language: Language, headings: DraftHeadings): ArticleFieldsInput {
  const sections: [string, string][] = [
    [headings.symptoms, source.symptoms],
    [headings.cause, source.cause],
    [headings.method, source.method],
  ];
  if (source.workaround.trim()) sections.push([headings.workaround, source.workaround]);
  const body = sections.map(([heading, text]) => `## ${heading}\n\n${text.trim()}`.trimEnd()).join('\n\n');

  return {
    title: source.title.trim(),
    body: `${body}\n`,
    language,
    tags: unique(source.tags),
    assetTypes: [...new Set(source.assets.map((asset) => asset.type))],
    vendors: unique(source.assets.map((asset) => asset.vendor)),
    sourceType: source.type,
    sourceId: source.id,
    status: 'draft',
  };
}

/** Trimmed, non-empty, first spelling kept when two differ only in case. */
function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values
    .map((value) => value.trim())
    .filter((value) => {
      const key = value.toLowerCase();
      if (!value || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

type DraftAsset = DraftSource['assets'][number];

/** A resolved incident: its description is what was seen, its resolution the cause, method and workaround. */
export function incidentDraftSource(incident: Incident, assets: readonly DraftAsset[], categoryTag: string): DraftSource {
  return {
    type: 'incident',
    id: incident.id,
    title: incident.title,
    symptoms: incident.description,
    cause: incident.resolution?.cause ?? '',
    method: incident.resolution?.method ?? '',
    workaround: incident.resolution?.workaround ?? '',
    tags: [categoryTag],
    assets,
  };
}

/**
 * A problem record. A consultation is a question and its answer; a defect is
 * its description, the cause as confirmed (or as analysed when not confirmed
 * in words) and the resolution.
 */
export function problemDraftSource(problem: Problem, assets: readonly DraftAsset[], analysisTag: string | null): DraftSource {
  const consultation = problem.type === 'consultation';
  return {
    type: 'problem',
    id: problem.id,
    title: problem.title,
    symptoms: consultation ? problem.question || problem.description : problem.description,
    cause: consultation ? '' : problem.confirmationNotes || problem.analysisNotes,
    method: consultation ? problem.answer : problem.resolution,
    workaround: '',
    tags: analysisTag ? [analysisTag] : [],
    assets,
  };
}
