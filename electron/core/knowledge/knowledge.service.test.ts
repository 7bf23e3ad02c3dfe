import { describe, expect, it } from 'vitest';
import type { AssetType } from '@shared/domain/assets';
import { ArticleFields, ArticleFilter, type ArticleFieldsInput, type ArticleFilterInput } from '@shared/domain/knowledge';
import type { Profile } from '@shared/domain/profile';
import { EventBus } from '../events/event-bus';
import { newId } from '../store/ids';
import { LocalStore } from '../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../testing/fixtures';
import { KnowledgeService } from './knowledge.service';

async function setup() {
  const clock = manualClock();
  let actor: Profile | null = TEST_ACTOR;
  const store = await LocalStore.open({ dataDir: tempDataDir(), now: clock.now, actor: () => actor });
  const events = new EventBus();
  const changed: unknown[] = [];
  events.on((name, payload) => {
    if (name === 'records.changed') changed.push(payload);
  });
  const knowledge = new KnowledgeService({ store, events, actor: () => actor });
  const create = (fields: ArticleFieldsInput) => {
    clock.advance(1000);
    return knowledge.create(ArticleFields.parse(fields));
  };
  const list = (filter: ArticleFilterInput = {}) => knowledge.list({ filter: ArticleFilter.parse(filter), offset: 0, limit: 50 });
  const titles = (filter: ArticleFilterInput = {}) => list(filter).rows.map((row) => row.title.text);
  const setActor = (next: Profile | null) => {
    actor = next;
  };
  return { store, clock, knowledge, create, list, titles, changed, setActor };
}

const STP_ZH: ArticleFieldsInput = {
  title: '核心交换机端口频繁 up/down',
  body: '## 现象\n核心交换机多个端口反复 up/down，业务时断时续。\n\n## 原因\n接入层私接小交换机形成环路，生成树（STP）未启用。\n\n## 处理方法\n在接入端口启用 BPDU 保护，拆除环路。',
  language: 'zh-CN',
  tags: ['网络', 'STP'],
  assetTypes: ['switch'],
  vendors: ['Huawei'],
  status: 'published',
};
const STP_EN: ArticleFieldsInput = {
  title: 'Spanning tree loop after a cabling change',
  body: '## Symptoms\nPorts flapping on the distribution switch.\n\n## Cause\nA patch cable closed a loop; spanning tree was disabled on the access ports.',
  language: 'en',
  tags: ['network', 'stp'],
  assetTypes: ['switch'],
  vendors: ['Cisco'],
  status: 'published',
};
const AIRCON: ArticleFieldsInput = {
  title: '机房空调高温告警',
  body: '## 现象\n空调面板报高压告警，机房温度升到 30 ℃。\n\n## 处理方法\n清洗冷凝器滤网后恢复。',
  language: 'zh-CN',
  tags: ['机房环境'],
  assetTypes: ['air-conditioner'],
  vendors: ['Emerson'],
  status: 'published',
};
const RAID_DRAFT: ArticleFieldsInput = {
  title: '服务器 RAID 磁盘故障',
  body: '阵列降级，更换故障盘后重建。',
  language: 'zh-CN',
  tags: ['存储'],
  assetTypes: ['server', 'storage'],
  vendors: ['Dell'],
};

describe('KnowledgeService', () => {
  it('writes, reads, changes, deletes and restores an article, signed by the profile', async () => {
    const { knowledge, create, titles, changed, store } = await setup();
    const article = create(STP_ZH);
    expect(article).toMatchObject({ title: STP_ZH.title, language: 'zh-CN', tags: ['网络', 'STP'], author: TEST_ACTOR.name, status: 'published', sourceType: null });
    expect(knowledge.get(article.id)).toEqual(article);
    expect(changed).toContainEqual({ entities: ['knowledgeArticle'] });

    const updated = knowledge.update(article.id, { tags: ['网络', ' stp ', 'STP', '环路'] });
    // Duplicates that differ only in case or spaces collapse to the first spelling; the other fields stay.
    expect(updated).toMatchObject({ tags: ['网络', 'stp', '环路'], title: STP_ZH.title, body: STP_ZH.body, vendors: ['Huawei'] });

    expect(knowledge.delete(article.id)).toEqual({ id: article.id });
    expect(() => knowledge.get(article.id)).toThrow(expect.objectContaining({ code: 'knowledge.not-found' }));
    expect(() => knowledge.update(article.id, { title: 'x' })).toThrow(expect.objectContaining({ code: 'knowledge.not-found' }));
    expect(titles()).toEqual([]);
    expect(knowledge.tags()).toEqual([]);

    knowledge.restore(article.id);
    expect(titles()).toEqual([STP_ZH.title]);
    expect(() => knowledge.restore(article.id)).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));

    const audit = store.db.prepare("SELECT action FROM audit_log WHERE entity = 'knowledgeArticle' AND entity_id = ? ORDER BY seq").all(article.id);
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }, { action: 'delete' }, { action: 'restore' }]);
  });

  it('refuses bad input with a stable code and saves nothing', async () => {
    const { knowledge, create, setActor, store, titles } = await setup();
    setActor(null);
    expect(() => create(STP_ZH)).toThrow(expect.objectContaining({ code: 'profile.required' }));
    setActor(TEST_ACTOR);

    expect(() => create({ ...STP_ZH, sourceType: 'incident', sourceId: newId() })).toThrow(expect.objectContaining({ code: 'knowledge.source-not-found' }));
    expect(ArticleFields.safeParse({ ...STP_ZH, sourceType: 'incident' }).success).toBe(false);
    expect(ArticleFields.safeParse({ ...STP_ZH, title: '  ' }).success).toBe(false);

    const article = create(STP_ZH);
    // A patch that leaves the source half set is refused as a whole.
    expect(() => knowledge.update(article.id, { sourceId: newId() })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
    expect(() => knowledge.update(article.id, { sourceType: 'problem', sourceId: newId() })).toThrow(expect.objectContaining({ code: 'knowledge.source-not-found' }));
    expect(knowledge.get(article.id)).toEqual(article);
    expect(titles()).toEqual([STP_ZH.title]);
    expect((store.db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'knowledgeArticle'").get() as { n: number }).n).toBe(1);
  });

  it('finds Chinese terms of one, two and three or more characters and English words', async () => {
    const { create, titles, list } = await setup();
    create(STP_ZH);
    create(STP_EN);
    create(AIRCON);
    create(RAID_DRAFT);

    // Three characters and more: the trigram index.
    expect(titles({ query: '交换机' })).toEqual([STP_ZH.title]);
    expect(titles({ query: '生成树' })).toEqual([STP_ZH.title]);
    expect(titles({ query: 'spanning' })).toEqual([STP_EN.title]);
    expect(titles({ query: 'SPANNING TREE' })).toEqual([STP_EN.title]);
    // Two characters and one: the gram index.
    expect(titles({ query: '核心' })).toEqual([STP_ZH.title]);
    expect(titles({ query: '空调' })).toEqual([AIRCON.title]);
    expect(titles({ query: '机房' })).toEqual([AIRCON.title]);
    expect(titles({ query: '盘' })).toEqual([RAID_DRAFT.title]);
    // A tag or vendor matches as well as the text.
    expect(titles({ query: 'Emerson' })).toEqual([AIRCON.title]);
    expect(titles({ query: '存储' })).toEqual([RAID_DRAFT.title]);
    // "stp" is a tag of both STP articles (in either case).
    expect(titles({ query: 'stp' }).sort()).toEqual([STP_EN.title, STP_ZH.title].sort());
    // Every word must match.
    expect(titles({ query: '核心 环路' })).toEqual([STP_ZH.title]);
    expect(titles({ query: '核心 空调' })).toEqual([]);
    expect(titles({ query: 'nothing-like-this' })).toEqual([]);

    const hit = list({ query: '环路' }).rows[0];
    expect(hit?.snippet.text).toContain('环路');
    const [from, to] = hit?.snippet.ranges[0] ?? [0, 0];
    expect(hit?.snippet.text.slice(from, to)).toBe('环路');
    // The snippet is plain text: no heading marks.
    expect(hit?.snippet.text).not.toContain('##');
    expect(list({ query: '核心' }).rows[0]?.title).toEqual({ text: STP_ZH.title, ranges: [[0, 2]] });
  });

  it('ranks title matches above body matches', async () => {
    const { create, titles } = await setup();
    create({ title: '防火墙策略说明', body: '内容与交换机无关。这里提到交换机两次：交换机。堆叠', language: 'zh-CN', status: 'published' });
    create({ title: '交换机堆叠配置', body: '堆叠线缆连接。', language: 'zh-CN', status: 'published' });
    create({ title: 'Firewall policy', body: 'Nothing about stacking here, stacking twice.', language: 'en', status: 'published' });
    create({ title: 'Stacking two switches', body: 'Cable the stack ports.', language: 'en', status: 'published' });
    expect(titles({ query: '交换机' })).toEqual(['交换机堆叠配置', '防火墙策略说明']);
    expect(titles({ query: '堆叠' })).toEqual(['交换机堆叠配置', '防火墙策略说明']);
    expect(titles({ query: 'stacking' })).toEqual(['Stacking two switches', 'Firewall policy']);
  });

  it('filters by tag, asset type, vendor, language and status, and counts tags and vendors', async () => {
    const { create, titles, knowledge, list } = await setup();
    create(STP_ZH);
    create(STP_EN);
    create(AIRCON);
    create(RAID_DRAFT);
    expect(titles({ tags: ['stp'] }).sort()).toEqual([STP_EN.title, STP_ZH.title].sort());
    expect(titles({ tags: ['机房环境', '存储'] }).sort()).toEqual([AIRCON.title, RAID_DRAFT.title].sort());
    expect(titles({ assetTypes: ['storage'] })).toEqual([RAID_DRAFT.title]);
    expect(titles({ vendors: ['huawei'] })).toEqual([STP_ZH.title]);
    expect(titles({ languages: ['en'] })).toEqual([STP_EN.title]);
    expect(titles({ statuses: ['draft'] })).toEqual([RAID_DRAFT.title]);
    expect(titles({ tags: ['STP'], languages: ['zh-CN'] })).toEqual([STP_ZH.title]);
    expect(titles({ query: '交换机', vendors: ['Cisco'] })).toEqual([]);
    // No search: newest first.
    expect(titles()).toEqual([RAID_DRAFT.title, AIRCON.title, STP_EN.title, STP_ZH.title]);
    expect(list({}).total).toBe(4);
    expect(knowledge.list({ filter: ArticleFilter.parse({}), offset: 1, limit: 2 })).toMatchObject({
      total: 4,
      offset: 1,
      rows: [{ title: { text: AIRCON.title } }, { title: { text: STP_EN.title } }],
    });

    // Most used first, then by name; "STP" and "stp" are one tag.
    expect(knowledge.tags()).toEqual([
      { value: 'STP', count: 2 },
      { value: 'network', count: 1 },
      { value: '存储', count: 1 },
      { value: '机房环境', count: 1 },
      { value: '网络', count: 1 },
    ]);
    expect(knowledge.vendors().map((v) => v.value).sort()).toEqual(['Cisco', 'Dell', 'Emerson', 'Huawei']);
  });

  it('suggests published articles for an incident being typed, in Chinese or English', async () => {
    const { create, knowledge } = await setup();
    const stp = create(STP_ZH);
    const stpEn = create(STP_EN);
    const aircon = create(AIRCON);
    create(RAID_DRAFT);
    const suggest = (text: string, extra: { assetTypes?: AssetType[]; vendors?: string[] } = {}) => knowledge.suggest({ text, limit: 5, ...extra });

    const zh = suggest('3楼核心交换机端口一直在up down，怀疑环路');
    expect(zh[0]?.id).toBe(stp.id);
    expect(zh.map((s) => s.id)).not.toContain(aircon.id);
    expect(zh[0]?.snippet.slice(...(zh[0]?.ranges[0] ?? [0, 0]))).toMatch(/核心交换机|环路|up|down/);

    const en = suggest('Switch ports keep flapping, maybe a spanning-tree loop');
    expect(en[0]?.id).toBe(stpEn.id);

    expect(suggest('机房温度过高，空调告警')[0]?.id).toBe(aircon.id);
    // Drafts are not suggested; a single shared common pair is not enough.
    expect(suggest('RAID 阵列降级').map((s) => s.id)).toEqual([]);
    expect(suggest('今天天气不错')).toEqual([]);
    expect(suggest('')).toEqual([]);

    // Of two articles alike but for the vendor, the incident's vendor or asset type comes first.
    const huawei = create({ title: '光模块收发功率低', body: '更换光模块后恢复。', language: 'zh-CN', vendors: ['Huawei'], assetTypes: ['switch'], status: 'published' });
    const h3c = create({ title: '光模块收发功率低', body: '更换光模块后恢复。', language: 'zh-CN', vendors: ['H3C'], assetTypes: ['router'], status: 'published' });
    expect(suggest('光模块功率低', { vendors: ['huawei'] }).map((s) => s.id).slice(0, 2)).toEqual([huawei.id, h3c.id]);
    expect(suggest('光模块功率低', { vendors: ['H3C'] }).map((s) => s.id).slice(0, 2)).toEqual([h3c.id, huawei.id]);
    expect(suggest('光模块功率低', { assetTypes: ['switch'] }).map((s) => s.id).slice(0, 2)).toEqual([huawei.id, h3c.id]);

    knowledge.delete(stp.id);
    expect(suggest('核心交换机环路').map((s) => s.id)).not.toContain(stp.id);
  });

  it('suggests within a few milliseconds among 1,000 articles', { timeout: 60_000 }, async () => {
    const { store, knowledge } = await setup();
    const zh = '核心 交换机 路由器 防火墙 服务器 存储 空调 电源 风扇 端口 链路 光模块 环路 告警 温度 湿度 机房 机柜 配线 跳线 光纤 网关 地址 冲突 广播 风暴 生成树 堆叠 聚合 内存 硬盘 阵列 降级 重建 备份 恢复 数据库 表空间 会话 死锁 日志 中间件 证书 过期 域名 解析 时钟 同步 补丁 病毒 打印机 无线 认证 账号 密码 权限 邮件 退信 磁盘 进程 重启 蓝屏 驱动 固件 升级 配置 电池 旁路 市电 漏水 门禁 监控 专线 隧道 策略'.split(' ');
    const en = 'switch router firewall server storage battery fan port link transceiver loop alarm temperature rack cable fiber gateway address conflict broadcast storm spanning tree stack memory disk raid degraded rebuild backup database session deadlock certificate expired dns ntp patch virus printer wireless account password mail queue process reboot driver firmware upgrade rollback config vpn tunnel acl nat bgp ospf vlan dhcp'.split(' ');
    // A fixed pseudo-random corpus: each article mixes a few dozen words of its language's vocabulary.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const insert = store.db.prepare(
      "INSERT INTO knowledge_articles (id, title, body, language, tags, status, author, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', 'published', 'x', 1, 1)",
    );
    store.db.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        const english = i % 3 === 0;
        const vocabulary = english ? en : zh;
        const word = () => vocabulary[next(vocabulary.length)] as string;
        const sentence = () =>
          english ? `The ${word()} showed ${word()} errors after the ${word()} change; we checked the ${word()}.` : `${word()}出现${word()}异常，检查${word()}和${word()}后发现${word()}有问题。`;
        insert.run(newId(), `${word()} ${word()} ${english ? 'fault' : '故障处理'} ${i}`, Array.from({ length: 25 }, sentence).join(' '), english ? 'en' : 'zh-CN');
      }
    })();

    for (const text of ['核心交换机端口频繁 up down，光模块温度告警，怀疑链路环路，已检查 VLAN 和 OSPF 邻居', 'Core switch ports flapping, suspect a spanning tree loop']) {
      for (let i = 0; i < 10; i++) knowledge.suggest({ text, limit: 5 });
      // CPU time of this process, not wall time: other jobs on a shared 2-core box do not count against it.
      const before = process.cpuUsage();
      const runs = 20;
      for (let i = 0; i < runs; i++) expect(knowledge.suggest({ text, limit: 5 })).toHaveLength(5);
      const used = process.cpuUsage(before);
      const perCallMs = (used.user + used.system) / 1000 / runs;
      // About 3 ms on a quiet machine; the bound allows for a busy one and catches a slower algorithm.
      expect(perCallMs, `${perCallMs.toFixed(2)} ms of CPU per call for "${text}"`).toBeLessThan(15);
    }
  });
});
