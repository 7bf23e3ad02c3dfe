/** Stub: the annual service report part of the reports bench (owned by the reports helper). */
export async function annualReportBench(): Promise<void> {
  throw new Error('bench reports (annual report): not written yet');
}
