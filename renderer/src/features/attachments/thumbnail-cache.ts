import { useEffect, useState } from 'react';
import type { Attachment } from '@shared/domain/attachments';
import { api } from '../../api';

/** Thumbnails are content-addressed, so one fetched is good for the whole session; only the newest few hundred are kept. */
const MAX_CACHED = 300;
const cache = new Map<string, Promise<string | null>>();

/** The thumbnail as a data: URL (allowed by the CSP, nothing to revoke), or null when there is none on this laptop. */
export function thumbnailUrl(attachment: Pick<Attachment, 'id' | 'thumbnailSha256'>): Promise<string | null> {
  const key = attachment.thumbnailSha256;
  if (key === null) return Promise.resolve(null);
  const cached = cache.get(key);
  if (cached) {
    // Most recently used last, so eviction takes the oldest.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const loading = api.call('attachments.thumbnail', { id: attachment.id }).then((thumbnail) => {
    // Missing today may be there after sync: do not remember a null.
    if (thumbnail === null) cache.delete(key);
    return thumbnail === null ? null : `data:${thumbnail.mimeType};base64,${thumbnail.contentBase64}`;
  });
  loading.catch(() => cache.delete(key));
  cache.set(key, loading);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return loading;
}

/** The thumbnail URL of one attachment once loaded; null while loading, when there is none, or when it failed. */
export function useThumbnail(attachment: Pick<Attachment, 'id' | 'thumbnailSha256'>): string | null {
  const [loaded, setLoaded] = useState<{ key: string; url: string | null } | null>(null);
  const { id, thumbnailSha256 } = attachment;
  useEffect(() => {
    if (thumbnailSha256 === null) return;
    let current = true;
    thumbnailUrl({ id, thumbnailSha256 }).then(
      (url) => {
        if (current) setLoaded({ key: thumbnailSha256, url });
      },
      () => {
        if (current) setLoaded({ key: thumbnailSha256, url: null });
      },
    );
    return () => {
      current = false;
    };
  }, [id, thumbnailSha256]);
  return loaded && loaded.key === thumbnailSha256 ? loaded.url : null;
}
