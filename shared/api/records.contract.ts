/** Records API. Stub: the records helper declares its methods here. */
export const recordsContract = {} as const;
