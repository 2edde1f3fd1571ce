export * from './given-when-then';
export * from './snapshot-from-events';
export * from './plugin-contract-suite';
