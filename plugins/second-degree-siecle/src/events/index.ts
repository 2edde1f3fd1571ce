/**
 * The plugin's public `events` entry point (`@liaison/plugin-second-degree-siecle/events`): the
 * event schemas another plugin may depend on — SIECLE reference data (code lists, subjects,
 * structures, STS-web teachers and services) and the SIECLE send ledger (private ids, send
 * numbers, sends). Nothing else of the plugin is public to other plugins.
 */
export * from './reference-events';
export * from './send-events';
