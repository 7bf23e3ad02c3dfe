/** Stub: the reports bench suite (see the issue). */
export async function reportsBench(): Promise<void> {
  throw new Error('bench reports: not written yet');
}
