import type { AssetType } from '@shared/domain/assets';
import type { ArticleFieldsInput, ArticleSourceType } from '@shared/domain/knowledge';
import type { Language } from '@shared/domain/profile';
import { api, ApiClientError, isApiClientError } from '../../api';
import { i18next } from '../../i18n/i18n';
import { buildArticleDraft, incidentDraftSource, problemDraftSource, type DraftSource } from './article-draft';

/** Enough to name the assets' types and vendors; an incident rarely has more. */
const MAX_ASSETS = 50;

/** Where a new article starts from, read from the page address (?fromIncident= or ?fromProblem=). */
export interface DraftOrigin {
  type: ArticleSourceType;
  id: string;
}

export function draftOrigin(params: URLSearchParams): DraftOrigin | null {
  const incident = params.get('fromIncident');
  if (incident) return { type: 'incident', id: incident };
  const problem = params.get('fromProblem');
  if (problem) return { type: 'problem', id: problem };
  return null;
}

/** A loaded source: the draft in any article language, and the number shown to the user (INC-…). */
export interface LoadedDraft {
  label: string;
  draftIn(language: Language): ArticleFieldsInput;
}

/**
 * Reads the incident or problem and its assets, and returns a function that
 * lays the draft out in a given language: headings and the category tag are
 * in the article's language, which the author may switch before writing.
 * A source that no longer exists is `knowledge.source-not-found`.
 */
export async function loadDraft(origin: DraftOrigin): Promise<LoadedDraft> {
  try {
    if (origin.type === 'incident') {
      const { incident } = await api.call('incidents.get', { id: origin.id });
      const assets = await assetKinds(incident.assetIds);
      return {
        label: incident.number,
        draftIn: (language) => {
          const t = i18next.getFixedT(language);
          return draft(incidentDraftSource(incident, assets, t(`knowledge.draft.categories.${incident.category}`)), language);
        },
      };
    }
    const { problem } = await api.call('problems.get', { id: origin.id });
    const assets = await assetKinds(problem.assetIds);
    return {
      label: problem.title,
      draftIn: (language) => {
        const t = i18next.getFixedT(language);
        const kind = problem.analysisKind ? t(`knowledge.draft.analysisKinds.${problem.analysisKind}`) : null;
        return draft(problemDraftSource(problem, assets, kind), language);
      },
    };
  } catch (error) {
    if (isApiClientError(error) && (error.code === 'incidents.not-found' || error.code === 'problems.not-found' || error.code === 'api.invalid-input')) {
      throw new ApiClientError({ code: 'knowledge.source-not-found', message: `No ${origin.type} with id ${origin.id}`, retryable: false }, { cause: error });
    }
    throw error;
  }
}

function draft(source: DraftSource, language: Language): ArticleFieldsInput {
  const t = i18next.getFixedT(language);
  return buildArticleDraft(source, language, {
    symptoms: t('knowledge.draft.headings.symptoms'),
    cause: t('knowledge.draft.headings.cause'),
    method: t('knowledge.draft.headings.method'),
    workaround: t('knowledge.draft.headings.workaround'),
  });
}

/** Types and vendors of the assets still on this laptop; one that was deleted or not yet synced is left out. */
async function assetKinds(ids: readonly string[]): Promise<{ type: AssetType; vendor: string }[]> {
  const answers = await Promise.allSettled(ids.slice(0, MAX_ASSETS).map((id) => api.call('assets.get', { id })));
  return answers.flatMap((answer) => (answer.status === 'fulfilled' ? [{ type: answer.value.asset.type, vendor: answer.value.asset.vendor }] : []));
}
