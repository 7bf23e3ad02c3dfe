import type { z } from 'zod';
import type { credentialsContract } from '@shared/api/credentials.contract';
import { CredentialSpec, credentialSpecProblems, type Credential } from '@shared/domain/credentials';
import { AppError } from '@shared/errors';
import type { EventBus } from '../events/event-bus';
import type { ServiceDeps } from '../services';
import { newId } from '../store/ids';
import type { LocalStore } from '../store/local-store';
import { CredentialsRepo, type CredentialListRow, type CredentialRow } from './credentials.repo';
import { Vault, VaultDecryptError } from './vault';

type Input<M extends keyof typeof credentialsContract> = z.output<(typeof credentialsContract)[M]['input']>;

/** A decrypted credential, for the device-check runner inside core only. Never returned through the API. */
export interface RevealedCredential {
  id: string;
  name: string;
  spec: CredentialSpec;
}

const ENTITIES = ['credential'];
/** Meta key of the fingerprint of the vault key the stored secrets were sealed with. */
const KEY_CHECK_META = 'credentials.keyCheck';

/**
 * The credentials vault: secrets go in once, are encrypted at once (vault.ts)
 * and never come back out through the API, which only learns that a secret is
 * set. Local to this laptop: plain transactions, no outbox, no audit line
 * (the audit log travels with the write path), nothing in search.
 *
 * Error messages name fields, never values: they end up in logs and in the UI.
 */
export class CredentialsService {
  private readonly repo: CredentialsRepo;
  private readonly store: LocalStore;
  private readonly events: EventBus;
  private readonly now: () => number;

  constructor(
    deps: Pick<ServiceDeps, 'store' | 'events' | 'dataDir' | 'now' | 'vaultKey'>,
    private readonly vault: Vault = new Vault({ dataDir: deps.dataDir, providedKey: deps.vaultKey }),
  ) {
    this.store = deps.store;
    this.events = deps.events;
    this.now = deps.now;
    this.repo = new CredentialsRepo(deps.store.db);
  }

  list(input: { assetId?: string } = {}): Credential[] {
    return this.repo.list(input.assetId).map(toCredential);
  }

  create(input: Input<'credentials.create'>): { id: string } {
    const spec = checkedSpec(input.spec);
    const assetIds = [...new Set(input.assetIds)];
    const id = newId();
    this.transaction(() => {
      this.assertNameFree(input.name);
      this.assertAssetsLive(assetIds);
      const at = this.now();
      this.repo.insert({
        id,
        name: input.name,
        kind: spec.kind,
        settings: JSON.stringify(spec.settings),
        secret: this.seal(id, spec),
        created_at: at,
        updated_at: at,
      });
      this.repo.attach(id, assetIds);
    });
    this.changed();
    return { id };
  }

  /** Renames, and/or replaces the whole spec: settings and secret together, never half of it. */
  update(input: Input<'credentials.update'>): { id: string } {
    const spec = input.spec ? checkedSpec(input.spec) : undefined;
    this.transaction(() => {
      const row = this.row(input.id);
      const at = this.now();
      if (input.name !== undefined && input.name !== row.name) {
        this.assertNameFree(input.name, row.id);
        this.repo.rename(row.id, input.name, at);
      }
      if (spec) this.repo.replaceSpec(row.id, spec.kind, JSON.stringify(spec.settings), this.seal(row.id, spec), at);
    });
    this.changed();
    return { id: input.id };
  }

  /** Attaches to or detaches from assets; returns the live assets the credential is attached to afterwards. */
  assign(input: Input<'credentials.assign'>): { id: string; assetIds: string[] } {
    const assetIds = [...new Set(input.assetIds)];
    const result = this.transaction(() => {
      this.row(input.id);
      if (input.attach) {
        this.assertAssetsLive(assetIds);
        this.repo.attach(input.id, assetIds);
      } else {
        // Detaching needs no live asset: a link to a deleted asset can be dropped too.
        this.repo.detach(input.id, assetIds);
      }
      this.repo.touch(input.id, this.now());
      return { id: input.id, assetIds: this.repo.assetIds(input.id) };
    });
    this.changed();
    return result;
  }

  /** Deletes the credential, its ciphertext and its asset links. Needs no vault key. */
  delete(input: { id: string }): { id: string } {
    this.transaction(() => {
      this.row(input.id);
      this.repo.delete(input.id);
    });
    this.changed();
    return { id: input.id };
  }

  /** The decrypted spec, for the device-check runner. Not exposed through the API. */
  reveal(id: string): RevealedCredential {
    return this.open(this.row(id));
  }

  /** The decrypted credentials attached to one asset, for the device-check runner. Not exposed through the API. */
  forAsset(assetId: string): RevealedCredential[] {
    return this.repo.forAsset(assetId).map((row) => this.open(row));
  }

  private open(row: CredentialRow): RevealedCredential {
    let secret: unknown;
    try {
      secret = JSON.parse(this.vault.decrypt(row.secret, row.id));
    } catch (error) {
      if (!(error instanceof VaultDecryptError)) throw error;
      if (this.keyMismatch()) {
        throw new AppError(
          'credentials.vault-unavailable',
          `The secret of credential "${row.name}" was saved with another vault key (another laptop, the other app mode, or a reset keychain); enter it again`,
          { details: { id: row.id } },
        );
      }
      throw new AppError('store.corrupt', `The stored secret of credential "${row.name}" was changed or damaged; enter it again`, { details: { id: row.id } });
    }
    const parsed = CredentialSpec.safeParse({ kind: row.kind, settings: JSON.parse(row.settings) as unknown, secret });
    // The zod error is not passed on: its issues could quote secret values.
    if (!parsed.success) throw new AppError('store.corrupt', `The stored credential "${row.name}" is not a valid ${row.kind} credential`, { details: { id: row.id } });
    return { id: row.id, name: row.name, spec: parsed.data };
  }

  /** Encrypts the secret half of `spec` for row `id`, after checking this vault key is the one the store uses. */
  private seal(id: string, spec: CredentialSpec): Buffer {
    const check = this.vault.keyCheck();
    const stored = this.store.readMeta<string>(KEY_CHECK_META);
    if (stored !== check) {
      // One store, one key: a new key is adopted only when no secret sealed with the old one would be orphaned.
      const others = this.repo.count() - (this.repo.exists(id) ? 1 : 0);
      if (stored !== undefined && others > 0) {
        throw new AppError(
          'credentials.vault-unavailable',
          'The saved credentials were encrypted with another vault key (another laptop, the other app mode, or a reset keychain). ' +
            'Delete them, or open Walkdown the way they were saved, before adding new ones.',
        );
      }
      this.store.writeMeta(KEY_CHECK_META, check);
    }
    return this.vault.encrypt(JSON.stringify(spec.secret), id);
  }

  private keyMismatch(): boolean {
    const stored = this.store.readMeta<string>(KEY_CHECK_META);
    return stored !== undefined && stored !== this.vault.keyCheck();
  }

  private row(id: string): CredentialRow {
    const row = this.repo.find(id);
    if (!row) throw new AppError('credentials.not-found', `No credential with id ${id}`);
    return row;
  }

  private assertNameFree(name: string, exceptId?: string): void {
    if (this.repo.named(name, exceptId)) {
      throw new AppError('credentials.duplicate-name', `A credential named "${name}" exists already`, { details: { field: 'name' } });
    }
  }

  private assertAssetsLive(assetIds: readonly string[]): void {
    const missing = this.repo.missingAssets(assetIds);
    if (missing.length > 0) throw new AppError('assets.not-found', `No asset with id ${missing.slice(0, 5).join(', ')}`, { details: { assetIds: missing } });
  }

  private transaction<T>(work: () => T): T {
    try {
      return this.store.db.transaction(work)();
    } catch (error) {
      // Another process may have taken the name between the check and the insert: the unique index still says no.
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new AppError('credentials.duplicate-name', 'A credential with this name exists already', { details: { field: 'name' }, cause: error });
      }
      throw error;
    }
  }

  private changed(): void {
    this.events.emit('records.changed', { entities: ENTITIES });
  }
}

/** Parses again (a caller inside core may pass a spec the API did not check) and applies the SNMPv3 rules. */
function checkedSpec(input: CredentialSpec): CredentialSpec {
  const parsed = CredentialSpec.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: ['spec', ...issue.path.map(String)].join('.'), message: issue.message }));
    throw new AppError('credentials.invalid', 'The credential is incomplete or invalid', { details: { issues } });
  }
  const problems = credentialSpecProblems(parsed.data);
  if (problems.length > 0) {
    throw new AppError('credentials.invalid', `The credential is incomplete: ${problems.map(([, message]) => message).join('; ')}`, {
      details: { issues: problems.map(([path, message]) => ({ path: `spec.${path}`, message })) },
    });
  }
  return parsed.data;
}

function toCredential(row: CredentialListRow): Credential {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    settings: JSON.parse(row.settings) as Record<string, unknown>,
    secretSet: row.secret_set === 1,
    assetIds: JSON.parse(row.asset_ids) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
