import type { credentialsContract } from '@shared/api/credentials.contract';
import type { Handlers } from '../api/registry';
import type { CredentialsService } from './credentials.service';

/** The API of the vault. `reveal` and `forAsset` are deliberately absent: secrets never leave core. */
export function credentialsHandlers(service: () => CredentialsService): Handlers<typeof credentialsContract> {
  return {
    'credentials.list': (input) => service().list(input),
    'credentials.create': (input) => service().create(input),
    'credentials.update': (input) => service().update(input),
    'credentials.assign': (input) => service().assign(input),
    'credentials.delete': (input) => service().delete(input),
  };
}
