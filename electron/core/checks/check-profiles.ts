import { AppError } from '@shared/errors';
import { loadProfiles, ProfileError, type CheckProfiles } from './profiles/profile-loader';

/**
 * The check profiles under `<resourcesDir>/profiles`, read once on first use.
 * Loading lazily keeps a broken resources folder from taking the whole
 * console down: assets, rounds and sync still work, and every check call
 * reports what is wrong with the files instead.
 */
export class ProfileCatalog {
  private loaded: CheckProfiles | null = null;

  constructor(readonly resourcesDir: string) {}

  get(): CheckProfiles {
    if (!this.loaded) {
      try {
        this.loaded = loadProfiles(this.resourcesDir);
      } catch (error) {
        const problems = error instanceof ProfileError ? error.problems.slice(0, 20) : [];
        throw new AppError('internal.error', `The check profiles in ${this.resourcesDir} cannot be used: ${(error as Error).message}`, {
          details: { resourcesDir: this.resourcesDir, problems },
          cause: error,
        });
      }
    }
    return this.loaded;
  }
}
