/** One timed run: how many events, how long, and the memory of the process that ran it. */
export interface Measurement {
  label: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** RSS when the timed section started (Node, loaded modules, open database). */
  rssBeforeMb: number;
  /**
   * Peak RSS: `process.resourceUsage().maxRSS`, the kernel's exact high-water mark of the child
   * process that ran only this measurement (its setup included), so no sampling gap is possible.
   */
  peakRssMb: number;
}

const MB = 1024 * 1024;

/** Times `work`, which must process `events` events; call it once per (child) process. */
export async function measure(label: string, events: number, work: () => unknown): Promise<Measurement> {
  const rssBefore = process.memoryUsage.rss();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakRss = process.resourceUsage().maxRSS * 1024; // maxRSS is in kilobytes
  return {
    label,
    events,
    seconds,
    eventsPerSecond: events / seconds,
    rssBeforeMb: rssBefore / MB,
    peakRssMb: peakRss / MB,
  };
}
