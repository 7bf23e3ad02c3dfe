import { fileURLToPath } from 'node:url';
import { AssetFields, type AssetFieldsInput } from '@shared/domain/assets';
import { CredentialSpec } from '@shared/domain/credentials';
import type { Profile } from '@shared/domain/profile';
import { AssetsService } from '../../assets/assets.service';
import { CredentialsService } from '../../credentials/credentials.service';
import { EventBus } from '../../events/event-bus';
import { LocationsService } from '../../locations/locations.service';
import { LocalStore } from '../../store/local-store';
import { manualClock, tempDataDir, TEST_ACTOR } from '../../testing/fixtures';
import { createCheckServices } from '../checks.services';
import type { CheckTuning } from '../jobs/job-context';

/** The repository's resources/ folder (the shipped profiles). */
export const RESOURCES_DIR = fileURLToPath(new URL('../../../../resources', import.meta.url));

/**
 * A store in a temp dir with the check services over it, a client/site/room,
 * and helpers to add assets and credentials: what the checks unit tests share.
 */
export async function checksSetup(options: { actor?: Profile | null; tuning?: Partial<CheckTuning> } = {}) {
  const dataDir = tempDataDir();
  const clock = manualClock();
  let actor: Profile | null = options.actor === undefined ? TEST_ACTOR : options.actor;
  // The write path needs a profile; the checks read the same one.
  const store = await LocalStore.open({ dataDir, now: clock.now, actor: () => actor });
  const events = new EventBus();
  const seen: { name: string; payload: unknown }[] = [];
  events.on((name, payload) => seen.push({ name, payload }));
  const credentials = new CredentialsService({ store, events, dataDir, now: clock.now });
  const locations = new LocationsService(store, events);
  const assetsService = new AssetsService(store, events, clock.now);
  const checks = createCheckServices({ store, events, now: clock.now, actor: () => actor, credentials, resourcesDir: RESOURCES_DIR, tuning: options.tuning });

  const withActor = <T>(work: () => T): T => {
    const saved = actor;
    actor ??= TEST_ACTOR;
    try {
      return work();
    } finally {
      actor = saved;
    }
  };
  const { client, site, room } = withActor(() => {
    const c = locations.create({ kind: 'client', name: '市人民医院' });
    const s = locations.create({ kind: 'site', clientId: c.id, name: '门诊楼' });
    const r = locations.create({ kind: 'room', siteId: s.id, name: '3F 核心机房' });
    return { client: c, site: s, room: r };
  });
  const asset = (fields: AssetFieldsInput) => withActor(() => assetsService.create(AssetFields.parse(fields)).id);
  const credential = (spec: unknown, assetIds: string[], name = `cred ${Math.random().toString(36).slice(2)}`) =>
    credentials.create({ name, spec: CredentialSpec.parse(spec), assetIds }).id;
  const setActor = (next: Profile | null) => {
    actor = next;
  };
  return { dataDir, clock, store, events, seen, credentials, locations, assetsService, checks, client, site, room, asset, credential, setActor };
}
