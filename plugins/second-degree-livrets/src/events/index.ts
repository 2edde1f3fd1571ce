/**
 * The plugin's public `events` entry point (`@liaison/plugin-second-degree-livrets/events`): the
 * event schemas another plugin may depend on — a pupil's livret (subjects, syntheses, vie
 * scolaire, projects, end-of-cycle bilans, lycée appraisals and opinions) and what the year's
 * livrets share (projects, class statistics, the signing head, the chosen schemas) — with their
 * stream ids and value shapes. Nothing else of the plugin is public to other plugins.
 */
export * from './streams';
export * from './shapes';
export * from './pupil-events';
export * from './year-events';
export { PERIODS, type Period, schemeOf, type PeriodScheme } from '../codes/periods';
