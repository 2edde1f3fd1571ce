import { type z } from 'zod';
import { type NewEvent } from './envelope';

/** One event type at one schema version: the name is stored and stable forever. */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly version: number;
  readonly schema: TSchema;
  /** Builds a new event of this type; the data is typed by the schema. */
  create(data: z.output<TSchema>): NewEvent<z.output<TSchema>, TType>;
}

export type EventData<D> = D extends EventDefinition<string, infer S> ? z.output<S> : never;

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  type: TType,
  schema: TSchema,
  version = 1,
): EventDefinition<TType, TSchema> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(type)) {
    throw new Error(`Event type "${type}" must be PascalCase`);
  }
  if (!Number.isInteger(version) || version < 1) {
    throw new Error(`Event type "${type}": schema version must be a positive integer`);
  }
  return {
    type,
    version,
    schema,
    create: (data) => ({ type, data }),
  };
}
