import { describe, expect, it } from 'vitest';
import { ATTACHMENT_OWNER_TYPES } from '@shared/domain/attachments';
import { newId } from '../store/ids';
import { memoryDatabase } from '../testing/fixtures';
import { AttachmentsRepo } from './attachments.repo';

describe('AttachmentsRepo owners', () => {
  it('checks every kind of owner against its table once all migrations ran', () => {
    const repo = new AttachmentsRepo(memoryDatabase());
    const checked = Object.fromEntries(ATTACHMENT_OWNER_TYPES.map((ownerType) => [ownerType, repo.ownerExists(ownerType, newId())]));
    expect(checked).toEqual({ incident: false, 'work-log': false, problem: false, change: false, knowledge: false, plan: false, 'round-item': false });
  });
});
