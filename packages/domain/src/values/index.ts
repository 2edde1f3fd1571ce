export * from './uai';
export * from './ine';
export * from './school-year';
export * from './mef';
export * from './dates';
export * from './identifiers';
