import { type CaseResult } from './cases';
import { type MachineInfo } from './machine';
import { type Measurement } from './measure';
import { type BenchOptions } from './options';

export interface BenchReport {
  machine: MachineInfo;
  options: { events: number; log: number; batch: number; rebuildBatch: number | 'default'; repeat: number };
  memory: string;
  cases: CaseResult[];
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits: number): string => n.toFixed(digits);

/** Rows of one cell are free text spanning the table: they do not widen the columns. */
function table(rows: string[][], rightAligned: ReadonlySet<number>): string {
  const cells = rows.filter((r) => r.length > 1);
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function measurementRow(m: Measurement): string[] {
  return [
    '  ' + m.label,
    int(m.events),
    fixed(m.seconds, 2),
    fixed(m.cpuSeconds, 2),
    int(m.eventsPerSecond),
    fixed(m.rssBeforeMb, 0),
    fixed(m.peakRssMb, 0),
  ];
}

export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `Liaison bench — node ${m.node}, SQLite ${m.sqlite}, ${m.platform}, ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB`,
    `events=${report.options.events}  log=${report.options.log}  batch=${report.options.batch}  ` +
      `rebuild batch=${report.options.rebuildBatch}  repeat=${report.options.repeat}`,
    '',
  ];
  const rows: string[][] = [['Case / measurement', 'Events', 'Wall s', 'CPU s', 'Events/s', 'RSS before (MB)', 'Peak RSS (MB)']];
  for (const c of report.cases) {
    rows.push([c.title]);
    rows.push(measurementRow(c.subject));
    rows.push(measurementRow(c.baseline));
    const goal = c.goal ? `   goal ≥ ${fixed(c.goal.minRatio * 100, 0)} %: ${c.goal.met ? 'MET' : 'MISSED'}` : '';
    rows.push([`  ratio: ${fixed(c.ratio * 100, 1)} % of the raw rate (on CPU time: ${fixed(c.cpuRatio * 100, 1)} %)${goal}`]);
  }
  lines.push(table(rows, new Set([1, 2, 3, 4, 5, 6])));
  for (const c of report.cases) {
    if (c.log) {
      lines.push(
        '',
        `Generated log: ${int(c.log.events)} events, ${int(c.log.streams)} streams (${int(c.log.pupils)} pupils, ` +
          `${c.log.establishments} establishment${c.log.establishments > 1 ? 's' : ''}), ${c.log.eventTypes} event types, ${fixed(c.log.fileMb, 0)} MB, generated in ${fixed(c.log.seconds, 1)} s`,
      );
    }
  }
  lines.push('', `Peak RSS: ${report.memory}`);
  lines.push(
    'Events/s and ratios use wall-clock time (measured path ÷ its raw baseline, same run); CPU s is the',
    "process's user + system time, which excludes waits for the disk (fsync at WAL checkpoints) and",
    'for the CPU when other processes load the machine.' +
      (report.options.repeat > 1
        ? ` Each row is the fastest of ${report.options.repeat} runs (peak RSS: the highest); --json lists every run.`
        : ''),
  );
  return lines.join('\n');
}

export function reportOptions(options: BenchOptions): BenchReport['options'] {
  return {
    events: options.events,
    log: options.log,
    batch: options.batch,
    rebuildBatch: options.rebuildBatch ?? 'default',
    repeat: options.repeat,
  };
}
