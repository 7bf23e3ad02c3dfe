import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layering rule (eslint.config.js) refuses each forbidden import, and lets the allowed ones through. */
const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['shared/x.ts', "import path from 'path';\nexport const x = path;"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/x.ts', 'export const x = window.location;'],
    ['shared/x.ts', "import { createCore } from '../electron/core/core';\nexport const x = createCore;"],
    ['electron/core/x.ts', "import { safeStorage } from 'electron';\nexport const x = safeStorage;"],
    ['electron/core/x.ts', "import { App } from '../../renderer/src/app/App';\nexport const x = App;"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/src/x.ts', "import { createCore } from '../../electron/core/core';\nexport const x = createCore;"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['server/x.ts', "import { createCore } from '../electron/core/core';\nexport const x = createCore;"],
  ])('refuses what %s may not import: %s', async (file, code) => {
    expect(await violations(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';\nexport const x = z;"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';\nimport { apiContract } from '@shared/api';\nexport const x = [readFileSync, apiContract];"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['renderer/src/x.ts', "import DnsIcon from '@mui/icons-material/Dns';\nimport { apiContract } from '@shared/api';\nexport const x = [DnsIcon, apiContract];"],
  ])('allows %s: %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
