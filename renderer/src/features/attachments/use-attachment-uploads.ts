import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attachment, AttachmentOwnerType } from '@shared/domain/attachments';
import { api } from '../../api';
import { readFileAsBase64 } from '../asset-transfer/read-file';
import { localUploadProblem } from './attachment-files';

export interface PendingUpload {
  key: number;
  fileName: string;
  sizeBytes: number;
  state: 'waiting' | 'uploading' | 'failed';
  error?: unknown;
}

let nextKey = 1;

/**
 * Files on their way to core, one at a time (each is read whole into memory
 * as base64), with their state. A file refused by size never gets read; a
 * file refused by core stays in the list with its reason until dismissed.
 */
export function useAttachmentUploads({ ownerType, ownerId }: { ownerType: AttachmentOwnerType; ownerId: string }, onUploaded: (attachment: Attachment) => void) {
  const [pending, setPending] = useState<PendingUpload[]>([]);
  // Each file keeps the owner it was dropped on, even if the panel moves to another record meanwhile.
  const queue = useRef<{ key: number; file: File; owner: { ownerType: AttachmentOwnerType; ownerId: string } }[]>([]);
  const running = useRef(false);
  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  });

  const update = (key: number, change: Partial<PendingUpload> | null) =>
    setPending((list) => (change === null ? list.filter((item) => item.key !== key) : list.map((item) => (item.key === key ? { ...item, ...change } : item))));

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        const { key, file, owner: target } = next;
        update(key, { state: 'uploading' });
        try {
          const contentBase64 = await readFileAsBase64(file);
          const attachment = await api.call('attachments.upload', { ...target, fileName: file.name, contentBase64 });
          update(key, null);
          onUploadedRef.current(attachment);
        } catch (error) {
          update(key, { state: 'failed', error });
        }
      }
    } finally {
      running.current = false;
    }
  }, []);

  const add = useCallback(
    (files: readonly File[]) => {
      const added: PendingUpload[] = [];
      for (const file of files) {
        const key = nextKey++;
        const problem = localUploadProblem(file);
        added.push({ key, fileName: file.name, sizeBytes: file.size, state: problem ? 'failed' : 'waiting', ...(problem ? { error: problem } : {}) });
        if (!problem) queue.current.push({ key, file, owner: { ownerType, ownerId } });
      }
      setPending((list) => [...list, ...added]);
      void drain();
    },
    [drain, ownerType, ownerId],
  );

  const dismiss = useCallback((key: number) => setPending((list) => list.filter((item) => item.key !== key)), []);

  return { pending, add, dismiss };
}
