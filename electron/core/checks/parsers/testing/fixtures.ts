import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/fixtures/device-output: the project's copy of the recorded device output (see its README). */
export const DEVICE_OUTPUT = fileURLToPath(new URL('../../../../../tests/fixtures/device-output', import.meta.url));
/** The hand-written samples for commands without recordings (see its README). */
export const HAND_WRITTEN = join(DEVICE_OUTPUT, 'hand-written');

export function readFixture(...parts: string[]): string {
  return readFileSync(join(DEVICE_OUTPUT, ...parts), 'utf8');
}

/** `platform/command` folders that hold recorded `.raw` files (the hand-written tree excluded). */
export function recordedFolders(): string[] {
  const folders: string[] = [];
  for (const platform of readdirSync(DEVICE_OUTPUT)) {
    if (platform === 'hand-written' || !statSync(join(DEVICE_OUTPUT, platform)).isDirectory()) continue;
    for (const command of readdirSync(join(DEVICE_OUTPUT, platform))) {
      if (readdirSync(join(DEVICE_OUTPUT, platform, command)).some((f) => f.endsWith('.raw'))) folders.push(`${platform}/${command}`);
    }
  }
  return folders.sort();
}

export function rawFiles(folder: string): string[] {
  return readdirSync(join(DEVICE_OUTPUT, folder))
    .filter((f) => f.endsWith('.raw'))
    .sort();
}
