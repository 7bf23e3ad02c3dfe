/** Statistics API. Stub: the statistics helper declares its methods here. */
export const statisticsContract = {} as const;
