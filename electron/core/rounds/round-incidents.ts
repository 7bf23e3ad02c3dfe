import type { AssetType } from '@shared/domain/assets';
import { IncidentFields, type IncidentCategory } from '@shared/domain/incidents';
import type { EntryValue, Outcome, RoundEntry, TemplateItem } from '@shared/domain/rounds';
import type { Impact, Urgency } from '@shared/domain/sla';
import { localDate } from '@shared/rounds/schedule-periods';
import type { EventBus } from '../events/event-bus';
import { zonedDateTime } from '../incidents/incident-number';
import type { IncidentsService } from '../incidents/incidents.service';
import type { LocalStore } from '../store/local-store';
import { ROUNDS_MESSAGES } from './rounds.messages';
import { isNumericReading, limitsText, readingText } from './round-text';
import { roundAssets, toEntry } from './round-records';
import type { RoundsService } from './rounds.service';

/**
 * An incident from an entry (a failed or out-of-range reading): prefilled
 * with the asset, the place, the item, the reading and its limits, in the
 * round's template language; linked to the entry as `round-item` evidence,
 * and to the check result or configuration versions behind it. The incident,
 * its evidence links and the entry's incidentId commit together. Raising
 * twice returns the incident already raised. A signed round allows it too:
 * linking an incident does not change a reading.
 */
export class RoundIncidents {
  constructor(
    private readonly store: LocalStore,
    private readonly events: EventBus,
    private readonly now: () => number,
    private readonly rounds: RoundsService,
    private readonly incidents: IncidentsService,
  ) {}

  raise(input: { entryId: string; title?: string; description?: string }): { incidentId: string; entry: RoundEntry } {
    const actor = this.rounds.requireActor();
    let incidentId = '';
    this.store.writePath.write(() => {
      const entry = this.rounds.liveEntry(input.entryId);
      if (entry.incident_id !== null && this.rounds.repo.incidentLive(entry.incident_id)) {
        incidentId = entry.incident_id;
        return [];
      }
      const round = this.rounds.liveRound(entry.round_id);
      const item = this.rounds.slotItem(round, entry.section_key, entry.item_key, entry.asset_id);
      const content = this.rounds.templates.content(round.template_version_id);
      const m = ROUNDS_MESSAGES[content.language];
      const value = JSON.parse(entry.value) as EntryValue;
      const asset = roundAssets(round).find((candidate) => candidate.id === entry.asset_id) ?? null;
      const reading = readingText(item, value, m);
      const title = input.title ?? m.incidentTitle(item.label, reading, isNumericReading(value));
      const description =
        input.description ??
        m.incidentDescription({
          round: `${content.name} (${localDate(round.started_at)})`,
          item: item.label,
          asset: asset?.name ?? null,
          reading,
          limits: limitsText(item, m),
          note: entry.note,
          at: zonedDateTime(entry.entered_at, localTimeZone()),
        });
      const { impact, urgency } = severityOf(entry.outcome as Outcome);
      const incident = this.incidents.create(
        IncidentFields.parse({
          title: title.slice(0, 200),
          description: description.slice(0, 20_000),
          category: categoryOf(item, asset?.type ?? null),
          impact,
          urgency,
          assetIds: asset ? [asset.id] : [],
          locationId: round.room_id,
          reporterName: actor.name,
        }),
      );
      incidentId = incident.id;
      this.incidents.linkEvidence({ incidentId, kind: 'round-item', targetId: entry.id });
      for (const [kind, id] of evidenceOf(value)) this.incidents.linkEvidence({ incidentId, kind, targetId: id });
      return [{ entity: 'roundEntry', op: 'update', id: entry.id, fields: { incidentId } }];
    });
    this.events.emit('records.changed', { entities: ['roundEntry'] });
    return { incidentId, entry: toEntry(this.rounds.liveEntry(input.entryId)) };
  }
}

/** The zone of this laptop, which the engineer reads times in. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A failure needs attention soon; a warning is worth a ticket but can wait. */
function severityOf(outcome: Outcome): { impact: Impact; urgency: Urgency } {
  if (outcome === 'failed') return { impact: 'medium', urgency: 'high' };
  if (outcome === 'warning') return { impact: 'low', urgency: 'medium' };
  return { impact: 'low', urgency: 'low' };
}

/** From the device it concerns, else the place: a room reading is about the environment. */
export function categoryOf(item: TemplateItem, assetType: AssetType | null): IncidentCategory {
  if (item.spec.type === 'config-drift') return 'network';
  switch (assetType) {
    case null:
    case 'ups':
    case 'pdu':
    case 'air-conditioner':
    case 'environment-sensor':
      return 'environment';
    case 'switch':
    case 'router':
    case 'firewall':
      return 'network';
    case 'server':
    case 'storage':
    case 'pc':
      return 'hardware';
    case 'os':
    case 'database':
    case 'middleware':
    case 'application':
      return 'software';
    case 'other':
      return 'other';
  }
}

/** What the reading came from, linked as evidence too. */
function evidenceOf(value: EntryValue): ['check-result' | 'config-backup', string][] {
  if (value.type === 'auto' && value.checkResultId !== null) return [['check-result', value.checkResultId]];
  if (value.type === 'config-drift') {
    return [value.configBackupId, value.previousBackupId].filter((id): id is string => id !== null).map((id) => ['config-backup', id]);
  }
  return [];
}
