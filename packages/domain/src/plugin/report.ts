import { type SchoolSnapshot } from './school-snapshot';

/**
 * A figure a plugin computes from an establishment's year (the start-of-year head-counts…),
 * served as JSON by the API at any past position. Reports read; they never write.
 */
export interface Report {
  /** Stable id, `<plugin id>.<name>` like format ids: `siecle.effectifs`. */
  readonly id: string;
  readonly displayName: string;
  /** The query parameters the report accepts, with what they mean (for the API docs). */
  readonly parameters?: Record<string, string>;
  /**
   * Pure: JSON-safe figures for the snapshot. Invalid parameters throw a domain
   * `InvalidInputError` with a French message.
   */
  run(snapshot: SchoolSnapshot, parameters: Record<string, string>): unknown;
  /** The figures as French lines for a terminal (`liaison report`); without it the CLI prints JSON. */
  lines?(data: unknown): string[];
}
