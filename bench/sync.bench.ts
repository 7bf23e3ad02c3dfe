/** Stub: the sync bench suite (see the issue). */
export async function syncBench(): Promise<void> {
  throw new Error('bench sync: not written yet');
}
