import { describe, expect, it } from 'vitest';
import { readFixture } from './parsers/testing/fixtures';
import { checksSetup } from './testing/check-fixtures';

describe('captured output', () => {
  it('parses a recorded capture with the profile parser and stores it as evidence of the profile step', async () => {
    const { checks, asset, room, seen } = await checksSetup();
    const sw = asset({ type: 'switch', name: 'S1', vendor: 'Huawei', roomId: room.id });
    const text = readFixture('huawei_vrp', 'display_version', 'huawei_vrp_display_version.raw');
    const result = checks.captured.parse({ assetId: sw, parserId: 'huawei.display-version', text });
    expect(result).toMatchObject({
      assetId: sw,
      runId: null,
      kind: 'captured',
      target: 'captured',
      method: 'pasted',
      profileId: 'huawei-vrp',
      step: 'version',
      status: 'ok',
      errorCode: null,
      rawOutput: text,
    });
    expect(result.metrics['software.version']).toMatch(/V800R011/);
    expect(checks.results.get(result.id)).toEqual(result);
    expect(checks.results.latest(sw).map((m) => m.name)).toContain('software.version');
    expect(seen.some((e) => e.name === 'records.changed')).toBe(true);
  });

  it('reads a capture with pager prompts and escapes as the terminal showed it', async () => {
    const { checks } = await checksSetup();
    const text = `<HUAWEI>display cpu-usage\r\nCPU Usage Stat. Cycle: 60 (Second)\r\nCPU Usage            : 12% Max: 80%\r\n  ---- More ----\u001b[42D                                          \u001b[42DCPU Usage Stat. Time : 2024-03-18  10:22:41\r\n<HUAWEI>`;
    const result = checks.captured.parse({ assetId: null, parserId: 'huawei.display-cpu-usage', text });
    expect(result).toMatchObject({ assetId: null, status: 'ok', metrics: expect.objectContaining({ 'cpu.percent': 12 }) });
  });

  it('keeps text the parser refuses, as an error result with check.parse-failed', async () => {
    const { checks } = await checksSetup();
    const text = "<HUAWEI>display versoin\r\n              ^\r\nError: Unrecognized command found at '^' position.\r\n<HUAWEI>";
    const result = checks.captured.parse({ assetId: null, parserId: 'huawei.display-version', text });
    expect(result).toMatchObject({ status: 'error', errorCode: 'check.parse-failed', metrics: {}, parsed: null, rawOutput: text });
    expect(checks.results.get(result.id).rawOutput).toBe(text);
  });

  it('refuses an unknown parser or asset, and works only with a profile set', async () => {
    const { checks, setActor } = await checksSetup();
    expect(() => checks.captured.parse({ assetId: null, parserId: 'juniper.show-version', text: 'x' })).toThrow(expect.objectContaining({ code: 'api.invalid-input' }));
    expect(() => checks.captured.parse({ assetId: '0190a000-0000-7000-8000-00000000dead', parserId: 'linux.uptime', text: 'x' })).toThrow(
      expect.objectContaining({ code: 'assets.not-found' }),
    );
    setActor(null);
    expect(() => checks.captured.parse({ assetId: null, parserId: 'linux.uptime', text: 'x' })).toThrow(expect.objectContaining({ code: 'profile.required' }));
  });

  it('lists every parser with its command and metrics', async () => {
    const { checks } = await checksSetup();
    const parsers = checks.captured.parsers();
    expect(parsers.find((p) => p.id === 'linux.df')).toEqual({ id: 'linux.df', dialect: 'linux', command: 'df -P', metrics: expect.arrayContaining(['disk.max-used-percent']) });
    expect(parsers.length).toBeGreaterThan(20);
  });
});
