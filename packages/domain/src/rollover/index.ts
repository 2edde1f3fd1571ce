export * from './rollover-plan';
export * from './rollover-targets';
export * from './rollover-nomenclature';
export * from './rollover-classes';
export * from './rollover-pupils';
export * from './rollover-planner';
export * from './rollover-record';
