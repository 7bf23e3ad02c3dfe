/** Reports API. Stub: the reports helper declares its methods here. */
export const reportsContract = {} as const;
