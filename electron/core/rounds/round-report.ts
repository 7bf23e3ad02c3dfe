import type { ExportedFile } from '@shared/api/asset-transfer.contract';
import type { Language } from '@shared/domain/profile';
import type { EntryValue, Outcome } from '@shared/domain/rounds';
import { roundSlots, slotKey } from '@shared/rounds/round-slots';
import type { AttachmentsService } from '../attachments/attachments.service';
import { zonedDateTime } from '../incidents/incident-number';
import { findLabelFont } from '../labels/label-font';
import { localTimeZone } from './round-incidents';
import { renderRoundReport, type ReportRow, type RoundReportContent } from './round-report-pdf';
import { ROUNDS_MESSAGES } from './rounds.messages';
import { readingText } from './round-text';
import type { RoundsService } from './rounds.service';

/** The round report (巡检报告) as PDF, in the language asked for (the readings as entered). */
export class RoundReport {
  private fontFile: string | null = null;

  constructor(
    private readonly rounds: RoundsService,
    private readonly attachments: AttachmentsService,
    private readonly now: () => number,
  ) {}

  async pdf(id: string, language: Language): Promise<ExportedFile> {
    const content = this.gather(id, language);
    this.fontFile ??= findLabelFont();
    const pdf = await renderRoundReport(content, { language, fontFile: this.fontFile });
    const day = new Date(content.startedAt).toISOString().slice(0, 10);
    const name = `${content.templateName}-${day}`.replace(/[\\/:*?"<>|\s]+/g, '-');
    return { fileName: `${name}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64'), rows: 1 };
  }

  gather(id: string, language: Language): RoundReportContent {
    const detail = this.rounds.get(id);
    const { round, template, entries, amendments } = detail;
    const m = ROUNDS_MESSAGES[language];
    const assetName = new Map(round.assets.map((asset) => [asset.id, asset.name]));
    const entryAt = new Map(entries.map((entry) => [slotKey(entry), entry]));
    const items = new Map(template.sections.flatMap((section) => section.items.map((item) => [item.key, item] as const)));
    const rowOf = (itemKey: string, assetId: string | null, value: EntryValue | null, outcome: Outcome | null, note: string): ReportRow => {
      const item = items.get(itemKey);
      return {
        label: item?.label ?? itemKey,
        asset: assetId === null ? null : (assetName.get(assetId) ?? assetId),
        reading: item && value ? readingText(item, value, m) : '—',
        outcome,
        note,
      };
    };

    const slots = roundSlots(template, round.assets);
    const sections = template.sections.map((section) => ({
      title: section.title,
      rows: slots
        .filter((slot) => slot.sectionKey === section.key)
        .map((slot) => {
          const entry = entryAt.get(slotKey(slot));
          return rowOf(slot.itemKey, slot.assetId, entry?.value ?? null, entry?.outcome ?? null, entry?.note ?? '');
        }),
    }));
    const anomalies = entries
      .filter((entry) => entry.outcome === 'warning' || entry.outcome === 'failed')
      .map((entry) => rowOf(entry.itemKey, entry.assetId, entry.value, entry.outcome, entry.note));

    const incidentIds = [...new Set(entries.map((entry) => entry.incidentId).filter((incidentId): incidentId is string => incidentId !== null))];
    const photos = entries.flatMap((entry) =>
      entry.value.type === 'photo'
        ? entry.value.attachmentIds.flatMap((attachmentId) => {
            const thumbnail = this.thumbnail(attachmentId);
            const row = rowOf(entry.itemKey, entry.assetId, null, null, '');
            return thumbnail ? [{ caption: row.asset ? `${row.label} · ${row.asset}` : row.label, image: thumbnail }] : [];
          })
        : [],
    );

    return {
      templateName: template.name,
      templateVersion: template.version,
      place: round.roomId ? (this.rounds.repo.placeOfRoom(round.roomId) ?? null) : null,
      assetNames: round.target.kind === 'assets' ? round.assets.map((asset) => asset.name) : [],
      engineer: round.startedBy,
      status: round.status,
      startedAt: round.startedAt,
      signedAt: round.signedAt,
      signedBy: round.signedBy,
      signature: round.signatureAttachmentId ? this.drawable(round.signatureAttachmentId) : null,
      summary: round.summary,
      sections,
      anomalies,
      incidents: this.rounds.repo.incidents(incidentIds),
      photos,
      amendments: amendments.map((amendment) => {
        const entry = entries.find((candidate) => candidate.id === amendment.entryId);
        const item = entry ? items.get(entry.itemKey) : undefined;
        const text = (value: EntryValue) => (item ? readingText(item, value, m) : value.type);
        const label = entry ? rowOf(entry.itemKey, entry.assetId, null, null, '') : null;
        return {
          line: `${label ? `${label.label}${label.asset ? ` · ${label.asset}` : ''}${language === 'zh-CN' ? '：' : ': '}` : ''}${m.report.amendment(amendment.by, zonedDateTime(amendment.at, localTimeZone()), amendment.reason)}`,
          before: `${text(amendment.before.value)} (${m.outcomes[amendment.before.outcome]})`,
          after: `${text(amendment.after.value)} (${m.outcomes[amendment.after.outcome]})`,
        };
      }),
      timeZone: localTimeZone(),
      generatedAt: this.now(),
    };
  }

  /** A photo's thumbnail when it is on this laptop and pdfkit can draw it (PNG, JPEG). */
  private thumbnail(id: string): Buffer | null {
    try {
      const thumbnail = this.attachments.thumbnail(id);
      return thumbnail && thumbnail.mimeType !== 'image/gif' ? thumbnail.bytes : null;
    } catch {
      return null;
    }
  }

  private drawable(id: string): Buffer | null {
    try {
      const { attachment, bytes } = this.attachments.content(id);
      return attachment.mimeType === 'image/png' || attachment.mimeType === 'image/jpeg' ? bytes : (this.thumbnail(id) ?? null);
    } catch {
      return null;
    }
  }
}
