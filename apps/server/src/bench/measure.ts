import { readFileSync, writeFileSync } from 'node:fs';

/** One timed run: how many events, how long, and the memory of the process that ran it. */
export interface Measurement {
  label: string;
  events: number;
  seconds: number;
  /** User + system CPU time of the process during the timed section (waits for the disk excluded). */
  cpuSeconds: number;
  eventsPerSecond: number;
  /** RSS when the timed section started (Node, loaded modules, open database). */
  rssBeforeMb: number;
  /** High-water RSS of the timed section; how it was taken is in `peakRssSource`. */
  peakRssMb: number;
  peakRssSource: PeakSource;
}

/**
 * - `VmHWM-reset`: Linux keeps an exact RSS high-water mark (`VmHWM` in /proc/self/status); it is
 *   reset to the current RSS (`echo 5 > /proc/self/clear_refs`) when the timed section starts and
 *   read when it ends: no sampling gap, nothing of the setup.
 * - `maxRSS`: elsewhere, `process.resourceUsage().maxRSS`, the high-water since the process
 *   started (setup included; after a fork it may include the parent's RSS).
 */
export type PeakSource = 'VmHWM-reset' | 'maxRSS';

const MB = 1024 * 1024;

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function vmHwmBytes(): number | undefined {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Times `work`, which must process `events` events; call it once per (child) process. */
export async function measure(label: string, events: number, work: () => unknown): Promise<Measurement> {
  const rssBefore = process.memoryUsage.rss();
  const reset = resetPeak();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const hwm = reset ? vmHwmBytes() : undefined;
  return {
    label,
    events,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    eventsPerSecond: events / seconds,
    rssBeforeMb: rssBefore / MB,
    peakRssMb: (hwm ?? process.resourceUsage().maxRSS * 1024) / MB,
    peakRssSource: hwm === undefined ? 'maxRSS' : 'VmHWM-reset',
  };
}

export function describePeakSources(sources: readonly PeakSource[]): string {
  const text: Record<PeakSource, string> = {
    'VmHWM-reset':
      'exact RSS high-water mark of the timed section (Linux VmHWM, reset through /proc/self/clear_refs when it starts), ' +
      'in a child process that ran only that measurement',
    maxRSS: 'process.resourceUsage().maxRSS of the child process that ran only that measurement (setup included)',
  };
  const distinct = [...new Set(sources)];
  return distinct.map((s) => text[s]).join('; ') + '. "RSS before": process.memoryUsage.rss() when the timed section started.';
}
