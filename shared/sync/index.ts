export * from './entities';
export * from './limits';
export * from './messages';
export * from './placement';
export * from './scope';
