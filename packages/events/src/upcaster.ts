/**
 * Turns the stored data of `type` at schema version `from` into version `from + 1`.
 * Upcasters are chained at read time; stored rows are never rewritten.
 */
export interface Upcaster {
  readonly type: string;
  readonly from: number;
  upcast(data: unknown): unknown;
}

export function defineUpcaster(type: string, from: number, upcast: (data: unknown) => unknown): Upcaster {
  return { type, from, upcast };
}
