import type { TFunction } from 'i18next';
import { EvidenceKind, IncidentStatus, PendingReason, type TimelineEntry } from '@shared/domain/incidents';
import { Priority } from '@shared/domain/sla';
import { formatMinutes } from '../incident-format';

/** One timeline line in the user's language: what happened, and the words that went with it (a note, a cause). */
export interface TimelineText {
  text: string;
  detail: string | null;
}

interface Lookups {
  language: string;
}

/**
 * Core sends timeline entries as a kind plus structured data, so the line can
 * be written in the reader's language. Data from a newer core (an unknown
 * status, a missing field) still gives a sensible line instead of a crash or
 * a raw key.
 */
export function describeTimelineEntry(entry: TimelineEntry, t: TFunction, { language }: Lookups): TimelineText {
  const data = entry.data;
  const text = (key: string) => stringOf(data[key]);
  const status = (key: string) => {
    const parsed = IncidentStatus.safeParse(data[key]);
    return parsed.success ? t(`incidents.statuses.${parsed.data}`) : (text(key) ?? '?');
  };
  const priority = (key: string) => {
    const parsed = Priority.safeParse(data[key]);
    return parsed.success ? parsed.data : (text(key) ?? '?');
  };

  switch (entry.kind) {
    case 'created': {
      const recorded = Priority.safeParse(data['priority']);
      return {
        text: recorded.success ? t('incidents.timeline.createdWithPriority', { priority: recorded.data }) : t('incidents.timeline.created'),
        detail: null,
      };
    }
    case 'status': {
      const to = status('to');
      const reason = PendingReason.safeParse(data['pendingReason']);
      const line =
        data['from'] === undefined
          ? t('incidents.timeline.statusTo', { to })
          : data['reopened'] === true
            ? t('incidents.timeline.reopened', { from: status('from'), to })
            : t('incidents.timeline.status', { from: status('from'), to });
      return {
        text: reason.success ? `${line}${t('incidents.timeline.separator')}${t(`incidents.pendingReasons.${reason.data}`)}` : line,
        detail: text('note'),
      };
    }
    case 'priority': {
      const line = data['from'] === undefined ? t('incidents.timeline.priorityTo', { to: priority('to') }) : t('incidents.timeline.priority', { from: priority('from'), to: priority('to') });
      return { text: line, detail: text('reason') };
    }
    case 'assignee': {
      const to = text('to');
      return { text: to ? t('incidents.timeline.assigned', { name: to }) : t('incidents.timeline.unassigned'), detail: null };
    }
    case 'work-log': {
      const minutes = numberOf(data['minutesSpent']);
      return {
        text: minutes !== null && minutes > 0 ? t('incidents.timeline.workLogWithTime', { time: formatMinutes(minutes, language) }) : t('incidents.timeline.workLog'),
        detail: text('text'),
      };
    }
    case 'attachment': {
      const name = text('fileName') ?? text('name');
      return { text: name ? t('incidents.timeline.attachmentNamed', { name }) : t('incidents.timeline.attachment'), detail: null };
    }
    case 'evidence': {
      const kind = EvidenceKind.safeParse(data['kind']);
      const label = text('label');
      const what = kind.success ? t(`incidents.evidence.kinds.${kind.data}`) : t('incidents.timeline.evidenceGeneric');
      const line = data['removed'] === true ? t('incidents.timeline.evidenceRemoved', { what }) : t('incidents.timeline.evidence', { what });
      return { text: line, detail: label };
    }
    case 'resolution': {
      const parts = [
        labelled(t('incidents.resolution.cause'), text('cause'), t),
        labelled(t('incidents.resolution.method'), text('method'), t),
        labelled(t('incidents.resolution.workaround'), text('workaround'), t),
      ].filter((part): part is string => part !== null);
      return { text: t('incidents.timeline.resolution'), detail: parts.length > 0 ? parts.join('\n') : null };
    }
    case 'workaround':
      return { text: t('incidents.timeline.workaround'), detail: text('text') };
    case 'fault-report':
      return { text: t('incidents.timeline.faultReport'), detail: text('faultType') };
    case 'edit': {
      const fields = Array.isArray(data['fields']) ? data['fields'].filter((field): field is string => typeof field === 'string') : [];
      // System down is a fact of its own (it starts the P1 12/16/24 h clocks), so it reads as one.
      if (fields.length === 1 && fields[0] === 'systemDown' && typeof data['to'] === 'boolean') {
        return { text: data['to'] ? t('incidents.timeline.systemDownOn') : t('incidents.timeline.systemDownOff'), detail: null };
      }
      const names = fields.map((field) => fieldLabel(field, t));
      return {
        text: names.length > 0 ? t('incidents.timeline.editFields', { fields: names.join(t('incidents.timeline.listSeparator')) }) : t('incidents.timeline.edit'),
        detail: null,
      };
    }
  }
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function labelled(label: string, value: string | null, t: TFunction): string | null {
  return value === null ? null : t('incidents.timeline.labelled', { label, value });
}

const EDITABLE_FIELDS = [
  'title',
  'description',
  'category',
  'impact',
  'urgency',
  'priorityOverride',
  'priorityReason',
  'systemDown',
  'assetIds',
  'locationId',
  'reporterName',
  'reporterContact',
  'assignee',
] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];

/** A changed field's name; core's field names are not for reading. */
function fieldLabel(field: string, t: TFunction): string {
  return (EDITABLE_FIELDS as readonly string[]).includes(field) ? t(`incidents.fields.${field as EditableField}`) : field;
}
