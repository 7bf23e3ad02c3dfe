import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

describe('migrations', () => {
  it('are numbered 1..n and each has its own test file', () => {
    const files = readdirSync(dirname(fileURLToPath(import.meta.url)));
    migrations.forEach((migration, index) => {
      expect(migration.version).toBe(index + 1);
      const prefix = String(migration.version).padStart(4, '0');
      expect(files.filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.test.ts')), `a test for migration ${prefix}`).toHaveLength(1);
    });
  });
});
