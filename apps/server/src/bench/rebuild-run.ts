import { Kernel } from '../kernel/kernel';
import { DEFAULT_REBUILD_BATCH_SIZE } from '../projections/projection-engine';
import { type Measurement, measure } from './measure';

export const REBUILT_PROJECTION = 'core_stream_activity';

/**
 * Case 3: `projections.rebuild('core_stream_activity')` over the generated log, in the engine's
 * rebuild batches, or in batches of `batch` events (`--rebuild-batch`, the kernel's
 * `projectionBatchSize`).
 */
export async function runRebuild(dbPath: string, events: number, batch?: number): Promise<Measurement> {
  const kernel = await Kernel.open({ dbPath, plugins: [], ...(batch === undefined ? {} : { projectionBatchSize: batch }) });
  const perBatch = (batch ?? DEFAULT_REBUILD_BATCH_SIZE).toLocaleString('en-US');
  try {
    let applied = 0;
    const m = await measure(`projections.rebuild(${REBUILT_PROJECTION}), ${perBatch}/tx`, events, async () => {
      const report = await kernel.projections.rebuild(REBUILT_PROJECTION);
      if (report.failed) throw new Error(`rebuild failed: ${report.failed}`);
      applied = report.applied;
    });
    if (applied !== events) throw new Error(`rebuild applied ${applied} events, expected ${events}`);
    const streams = kernel.db.reader.get<{ n: number; total: number }>(
      `SELECT COUNT(*) AS n, SUM(events) AS total FROM ${REBUILT_PROJECTION}`,
    );
    const expected = kernel.db.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM streams');
    if (streams?.total !== events || streams.n !== expected?.n) {
      throw new Error(`rebuild: ${streams?.n} streams / ${streams?.total} events, expected ${expected?.n} / ${events}`);
    }
    return m;
  } finally {
    await kernel.close();
  }
}
