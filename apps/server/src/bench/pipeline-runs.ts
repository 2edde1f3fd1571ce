import { Kernel } from '../kernel/kernel';
import { BENCH_CONTEXT, registerEstablishmentCommand } from './establishment-fixture';
import { type Measurement, measure } from './measure';

async function checkWritten(kernel: Kernel, events: number): Promise<void> {
  const count = kernel.db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM events')?.n;
  const listed = kernel.db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM core_establishments')?.n;
  if (count !== events || listed !== events) {
    throw new Error(`expected ${events} events and establishments, found ${count} and ${listed}`);
  }
}

/** Case 1: `RegisterEstablishment` × events through `pipeline.execute`, one transaction each. */
export async function runPipelineExecute(dbPath: string, events: number): Promise<Measurement> {
  const kernel = await Kernel.open({ dbPath, plugins: [] });
  try {
    const m = await measure('pipeline.execute, 1 command/tx', events, async () => {
      for (let i = 0; i < events; i++) {
        await kernel.pipeline.execute(registerEstablishmentCommand(i), BENCH_CONTEXT);
      }
    });
    await checkWritten(kernel, events);
    return m;
  } finally {
    await kernel.close();
  }
}

/** Case 2: the same commands through `pipeline.executeBatch`, `batch` commands per transaction. */
export async function runPipelineBatch(dbPath: string, events: number, batch: number): Promise<Measurement> {
  const kernel = await Kernel.open({ dbPath, plugins: [] });
  try {
    const m = await measure(`pipeline.executeBatch, ${batch} cmd/tx`, events, async () => {
      for (let start = 0; start < events; start += batch) {
        const raws = [];
        for (let i = start; i < Math.min(events, start + batch); i++) raws.push(registerEstablishmentCommand(i));
        await kernel.pipeline.executeBatch(raws, BENCH_CONTEXT);
      }
    });
    await checkWritten(kernel, events);
    return m;
  } finally {
    await kernel.close();
  }
}
