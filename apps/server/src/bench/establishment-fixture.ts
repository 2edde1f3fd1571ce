import { randomUUID } from 'node:crypto';
import { benchUai } from './bench-uai';

/** Cases 1 and 2 send `RegisterEstablishment` for the i-th UAI: one new stream, one event each. */
export const BENCH_CONTEXT = { actor: 'bench', source: 'bench' } as const;

const DEGREES = ['first', 'second'] as const;
const CONTRACTS = ['association', 'simple', 'hors-contrat'] as const;

export interface EstablishmentPayload {
  uai: string;
  name: string;
  degree: (typeof DEGREES)[number];
  contract: (typeof CONTRACTS)[number];
}

export function establishmentPayload(i: number): EstablishmentPayload {
  return {
    uai: benchUai(i),
    name: `École privée Sainte-Marie n° ${i}`,
    degree: DEGREES[i % DEGREES.length]!,
    contract: CONTRACTS[i % CONTRACTS.length]!,
  };
}

export function registerEstablishmentCommand(i: number): { type: 'RegisterEstablishment'; payload: EstablishmentPayload } {
  return { type: 'RegisterEstablishment', payload: establishmentPayload(i) };
}

/** The `streams` and `events` values the store writes for that command, built the same way (same JSON). */
export interface EventRowValues {
  streamId: string;
  streamType: string;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
}

export function establishmentRow(i: number): EventRowValues {
  const payload = establishmentPayload(i);
  const commandId = randomUUID();
  const now = new Date().toISOString();
  return {
    streamId: `establishment-${payload.uai}`,
    streamType: 'establishment',
    eventId: randomUUID(),
    type: 'EstablishmentRegistered',
    data: JSON.stringify(payload),
    metadata: JSON.stringify({
      actor: BENCH_CONTEXT.actor,
      source: BENCH_CONTEXT.source,
      correlationId: commandId,
      causationId: commandId,
      occurredAt: now,
    }),
    recordedAt: now,
  };
}
