export * from './envelope';
export * from './event-definition';
export * from './upcaster';
export * from './catalogue';
export * from './core';
export { createCoreCatalogue } from './core-catalogue';
