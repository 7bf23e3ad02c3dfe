import type { AssetStatus, AssetType } from '@shared/domain/assets';
import type { Language } from '@shared/domain/profile';

/**
 * The words for asset types and statuses, in both languages: the export writes
 * the label of the chosen language and the import accepts any of them (plus
 * the words clients' sheets use), so an exported file imports again unchanged.
 */
export const TYPE_WORDS: Record<AssetType, { 'zh-CN': string; en: string; aliases: string[] }> = {
  server: { 'zh-CN': '服务器', en: 'Server', aliases: ['主机', '物理服务器', '物理机', '刀片服务器', '机架服务器', 'host'] },
  switch: { 'zh-CN': '交换机', en: 'Switch', aliases: ['网络交换机', '核心交换机', '接入交换机', '汇聚交换机'] },
  router: { 'zh-CN': '路由器', en: 'Router', aliases: ['路由'] },
  firewall: { 'zh-CN': '防火墙', en: 'Firewall', aliases: ['fw', '安全网关'] },
  storage: { 'zh-CN': '存储', en: 'Storage', aliases: ['存储设备', '磁盘阵列', '存储阵列', 'san', 'nas', 'disk array'] },
  ups: { 'zh-CN': 'UPS', en: 'UPS', aliases: ['不间断电源', 'ups电源'] },
  pdu: { 'zh-CN': 'PDU', en: 'PDU', aliases: ['电源分配单元', '机柜电源', '配电单元'] },
  'air-conditioner': { 'zh-CN': '空调', en: 'Air conditioner', aliases: ['精密空调', '机房空调', '列间空调', 'ac', 'crac', 'aircon'] },
  'environment-sensor': {
    'zh-CN': '环境传感器',
    en: 'Environment sensor',
    aliases: ['温湿度传感器', '温湿度', '传感器', '动环传感器', '动环', 'sensor', 'temperature sensor', 'temperature and humidity sensor'],
  },
  pc: { 'zh-CN': 'PC/终端', en: 'PC', aliases: ['终端', '电脑', '台式机', '笔记本', '笔记本电脑', '计算机', 'desktop', 'laptop', 'workstation'] },
  other: { 'zh-CN': '其他', en: 'Other', aliases: ['其它'] },
  os: { 'zh-CN': '操作系统', en: 'Operating system', aliases: ['系统', 'os'] },
  database: { 'zh-CN': '数据库', en: 'Database', aliases: ['db'] },
  middleware: { 'zh-CN': '中间件', en: 'Middleware', aliases: [] },
  application: { 'zh-CN': '应用', en: 'Application', aliases: ['应用系统', '应用软件', '业务系统', '软件', 'app', 'software'] },
};

export const STATUS_WORDS: Record<AssetStatus, { 'zh-CN': string; en: string; aliases: string[] }> = {
  'in-use': { 'zh-CN': '在用', en: 'In use', aliases: ['使用中', '在线', '运行', '运行中', '正常', '已上线', 'active', 'online', 'in service', 'production'] },
  spare: { 'zh-CN': '备用', en: 'Spare', aliases: ['备件', '闲置', '库存', '备机', 'standby', 'stock'] },
  faulty: { 'zh-CN': '故障', en: 'Faulty', aliases: ['损坏', '维修', '维修中', '故障中', 'broken', 'fault', 'failed', 'repair'] },
  retired: { 'zh-CN': '报废', en: 'Retired', aliases: ['退役', '下线', '已报废', '已下线', 'decommissioned', 'scrapped', 'disposed'] },
};

/** Case, spaces and punctuation do not matter when a word is looked up. */
export function wordKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-–—/\\.,;:：，、()（）[\]【】*＊"'“”‘’]+/g, '');
}

function dictionary<K extends string>(words: Record<K, { 'zh-CN': string; en: string; aliases: string[] }>): Map<string, K> {
  const map = new Map<string, K>();
  for (const [value, entry] of Object.entries(words) as [K, { 'zh-CN': string; en: string; aliases: string[] }][]) {
    for (const word of [value, entry['zh-CN'], entry.en, ...entry.aliases]) map.set(wordKey(word), value);
  }
  return map;
}

const TYPE_LOOKUP = dictionary(TYPE_WORDS);
const STATUS_LOOKUP = dictionary(STATUS_WORDS);

/** A file repeats a handful of type and status words on every row: each spelling is normalised once. */
function cached<K>(lookup: Map<string, K>): (text: string) => K | undefined {
  const seen = new Map<string, K | undefined>();
  return (text) => {
    if (seen.has(text)) return seen.get(text);
    const value = lookup.get(wordKey(text));
    // Bounded: a column of free text mapped to "type" by mistake must not grow it without end.
    if (seen.size >= 1000) seen.clear();
    seen.set(text, value);
    return value;
  };
}

export const typeFromWord: (text: string) => AssetType | undefined = cached(TYPE_LOOKUP);
export const statusFromWord: (text: string) => AssetStatus | undefined = cached(STATUS_LOOKUP);

export function typeLabel(type: AssetType, language: Language): string {
  return TYPE_WORDS[type][language];
}

export function statusLabel(status: AssetStatus, language: Language): string {
  return STATUS_WORDS[status][language];
}
