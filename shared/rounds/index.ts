export * from './entry-rules';
export * from './round-slots';
export * from './schedule-periods';
export * from './template-file';
