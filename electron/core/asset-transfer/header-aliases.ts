import type { IMPORT_FIELDS, ImportField } from '@shared/domain/asset-import';
import type { Language } from '@shared/domain/profile';
import { wordKey } from './asset-vocabulary';

type MappedField = (typeof IMPORT_FIELDS)[number];

/**
 * Column headers as clients write them, Chinese and English. The first entry
 * of each language is what our own export writes, so an export maps itself.
 */
const HEADERS: Record<MappedField, { 'zh-CN': string[]; en: string[] }> = {
  name: { 'zh-CN': ['设备名称', '名称', '资产名称', '设备名', '主机名', '设备'], en: ['Name', 'Device name', 'Asset name', 'Hostname', 'Host name', 'Device'] },
  type: { 'zh-CN': ['类型', '设备类型', '资产类型', '类别', '设备类别', '资产类别'], en: ['Type', 'Device type', 'Asset type', 'Category'] },
  vendor: { 'zh-CN': ['厂商', '品牌', '厂家', '生产厂商', '制造商', '生产厂家'], en: ['Vendor', 'Manufacturer', 'Brand', 'Make'] },
  model: { 'zh-CN': ['型号', '设备型号', '规格型号', '规格'], en: ['Model'] },
  serialNumber: { 'zh-CN': ['序列号', '设备序列号', '出厂编号', '序列号SN'], en: ['Serial number', 'SN', 'S/N', 'Serial', 'Serial no', 'Serial No.'] },
  assetTag: { 'zh-CN': ['资产编号', '资产标签', '资产标签号', '固定资产编号', '资产号', '标签号'], en: ['Asset tag', 'Tag', 'Asset no', 'Asset number', 'Asset ID'] },
  status: { 'zh-CN': ['状态', '设备状态', '使用状态', '资产状态'], en: ['Status', 'State'] },
  owner: { 'zh-CN': ['责任人', '负责人', '使用人', '管理员', '管理人'], en: ['Owner', 'Responsible', 'Custodian'] },
  contact: { 'zh-CN': ['联系方式', '联系电话', '电话', '手机'], en: ['Contact', 'Phone', 'Telephone'] },
  purchaseDate: { 'zh-CN': ['购买日期', '采购日期', '购置日期', '购入日期'], en: ['Purchase date', 'Purchased', 'Date of purchase'] },
  warrantyEnd: {
    'zh-CN': ['保修截止', '维保到期', '保修到期', '维保截止', '保修截止日期', '维保到期日', '维保截止日期', '过保日期'],
    en: ['Warranty end', 'Warranty', 'Warranty expiry', 'Warranty expires', 'Warranty until'],
  },
  managementIps: { 'zh-CN': ['管理IP', 'IP地址', 'IP', '管理地址', '管理IP地址'], en: ['Management IP', 'Management IPs', 'IP address', 'IP addresses', 'Mgmt IP'] },
  version: { 'zh-CN': ['版本', '软件版本', '固件版本', '系统版本'], en: ['Version', 'Firmware', 'Firmware version', 'Software version'] },
  patchLevel: { 'zh-CN': ['补丁', '补丁级别', '补丁版本'], en: ['Patch', 'Patch level'] },
  notes: { 'zh-CN': ['备注', '说明', '描述'], en: ['Notes', 'Note', 'Remarks', 'Comments', 'Comment', 'Description'] },
  client: { 'zh-CN': ['客户', '单位', '客户名称', '单位名称', '使用单位'], en: ['Client', 'Customer', 'Organisation', 'Organization'] },
  site: { 'zh-CN': ['站点', '院区', '楼宇', '楼栋', '园区', '大楼'], en: ['Site', 'Building', 'Campus'] },
  room: { 'zh-CN': ['机房', '机房名称', '所在机房'], en: ['Room', 'Machine room', 'Server room', 'Computer room'] },
  rack: { 'zh-CN': ['机柜', '机柜号', '机架', '机柜编号', '所在机柜'], en: ['Rack', 'Cabinet', 'Rack name'] },
  rackUStart: { 'zh-CN': ['起始U', 'U位', '起始U位', '位置U', 'U位置'], en: ['U start', 'Start U', 'U position', 'Rack unit', 'Position', 'U'] },
  rackUHeight: { 'zh-CN': ['高度(U)', '占用U', '高度', 'U数', '占用U数', '占用U位'], en: ['Height (U)', 'Height', 'U height', 'Units', 'Size (U)'] },
};

/** The prefix our export puts before a custom field's name, per language. */
export const CUSTOM_HEADER_PREFIX: Record<Language, string> = { 'zh-CN': '自定义:', en: 'Custom: ' };

const LOOKUP = new Map<string, MappedField>();
for (const [field, names] of Object.entries(HEADERS) as [MappedField, { 'zh-CN': string[]; en: string[] }][]) {
  for (const name of [field, ...names['zh-CN'], ...names.en]) if (!LOOKUP.has(wordKey(name))) LOOKUP.set(wordKey(name), field);
}

/** The header our export writes for a field. */
export function exportHeader(field: MappedField, language: Language): string {
  return HEADERS[field][language][0] as string;
}

/** The field a header names, if it is one we know. */
export function fieldForHeader(header: string): ImportField | null {
  const custom = /^(?:自定义|custom)\s*[:：]\s*(.{1,60})$/i.exec(header.trim());
  if (custom) return `custom:${(custom[1] as string).trim()}`;
  return LOOKUP.get(wordKey(header)) ?? null;
}

/**
 * A mapping for a header row: each known header maps to its field; a field
 * already taken by an earlier column is not suggested again; anything else is
 * left for the user (null, or `custom:<header>` by hand).
 */
export function suggestMapping(headers: readonly string[]): (ImportField | null)[] {
  const taken = new Set<string>();
  return headers.map((header) => {
    const field = fieldForHeader(header);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
