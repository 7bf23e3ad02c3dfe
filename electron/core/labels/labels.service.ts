import type { ExportedFile } from '@shared/api/asset-transfer.contract';
import type { Language } from '@shared/domain/profile';
import { AppError } from '@shared/errors';
import { AssetsRepo, type AssetRow } from '../assets/assets.repo';
import type { LocalStore } from '../store/local-store';
import { findLabelFont } from './label-font';
import { labelSheet, type Label, type LabelLayout } from './label-sheet';

/** Label sheets for the assets an engineer picked, in the order picked. */
export class LabelsService {
  private readonly repo: AssetsRepo;
  private fontFile: string | null = null;

  constructor(
    store: LocalStore,
    private readonly now: () => number,
  ) {
    this.repo = new AssetsRepo(store.db);
  }

  async pdf(input: { assetIds: string[]; layout: LabelLayout; language: Language }): Promise<ExportedFile> {
    const rows = new Map(this.repo.byIds([...new Set(input.assetIds)]).map((row) => [row.id, row]));
    // Deleted or unknown ids drop out; the sheet keeps the order the ids were given in.
    const assets = [...new Set(input.assetIds)].map((id) => rows.get(id)).filter((row): row is AssetRow => row !== undefined);
    if (assets.length === 0) throw new AppError('labels.no-assets', 'None of the chosen assets exists any more', { details: { requested: input.assetIds.length } });
    this.fontFile ??= findLabelFont();
    const pdf = await labelSheet(assets.map(labelOf), input.layout, { fontFile: this.fontFile, language: input.language });
    return { fileName: `labels-${dateStamp(this.now())}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64'), rows: assets.length };
  }
}

/** What one label shows and codes. */
export function labelOf(asset: AssetRow): Label {
  const units = asset.rack_u_start === null ? '' : asset.rack_u_height && asset.rack_u_height > 1 ? `U${asset.rack_u_start}-U${asset.rack_u_start + asset.rack_u_height - 1}` : `U${asset.rack_u_start}`;
  const place = [asset.room_name, [asset.rack_name, units].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
  return { code: asset.asset_tag || asset.id, tag: asset.asset_tag, name: asset.name, place };
}

/** YYYYMMDD on the laptop's calendar, for the file name. */
function dateStamp(nowMs: number): string {
  const date = new Date(nowMs);
  return `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
}
