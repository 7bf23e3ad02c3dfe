/** Exports API. Stub: the exports helper declares its methods here. */
export const exportsContract = {} as const;
