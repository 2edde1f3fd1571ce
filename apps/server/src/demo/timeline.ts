import { addDays, isWeekend, parisDateOf, parisInstant, parisOffsetMinutes, workingDayFrom } from './calendar';
import { type Rng } from './rng';

/** A domain command of the demo, with who sent it and when. */
export interface DemoCommand {
  type: string;
  payload: Record<string, unknown>;
  /** ISO instant (UTC). */
  occurredAt: string;
  actor: string;
}

export interface SessionOptions {
  /** Seconds between two commands, drawn in [min, max]. */
  pace?: readonly [number, number];
  /** Keep to office hours (8:30–12:15, 13:30–17:45, weekdays); false for an automated run. */
  officeHours?: boolean;
}

const MORNING = 8 * 60 + 30;
const LUNCH = 12 * 60 + 15;
const AFTERNOON = 13 * 60 + 30;
const EVENING = 17 * 60 + 45;

const hhmm = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
};

/**
 * The demo's clock. Sessions are one user's sitting at the keyboard; they run one after the
 * other, so the commands come out in chronological order by construction.
 */
export class Timeline {
  readonly commands: DemoCommand[] = [];
  private cursor = 0;

  constructor(private readonly rng: Rng) {}

  /** A sitting of `actor`, from that Paris date and time or when the previous one ended. */
  session(actor: string, date: string, time = '09:00', options: SessionOptions = {}): Session {
    const requested = parisInstant(workingDayFrom(date), hhmm(time)).getTime();
    this.cursor = Math.max(requested, this.cursor + 60_000);
    return new Session(this, actor, options.pace ?? [20, 90], options.officeHours ?? true);
  }

  /** The instant of the last command. */
  get instant(): number {
    return this.cursor;
  }

  /** @internal */
  advance(seconds: number, officeHours: boolean): number {
    let t = this.cursor + seconds * 1000;
    if (officeHours) t = this.withinOfficeHours(t);
    this.cursor = t;
    return t;
  }

  /** @internal */
  draw(range: readonly [number, number]): number {
    return this.rng.int(range[0], range[1]);
  }

  private withinOfficeHours(t: number): number {
    const date = parisDateOf(new Date(t));
    const minutes = (t + parisOffsetMinutes(new Date(t)) * 60_000 - Date.parse(`${date}T00:00:00Z`)) / 60_000;
    const jitter = this.rng.int(0, 20);
    if (isWeekend(date)) return parisInstant(workingDayFrom(date), MORNING + jitter).getTime();
    if (minutes < MORNING) return parisInstant(date, MORNING + jitter).getTime();
    if (minutes >= LUNCH && minutes < AFTERNOON) return parisInstant(date, AFTERNOON + jitter).getTime();
    if (minutes >= EVENING) return parisInstant(workingDayFrom(addDays(date, 1)), MORNING + jitter).getTime();
    return t;
  }
}

export class Session {
  constructor(
    private readonly timeline: Timeline,
    readonly actor: string,
    private readonly pace: readonly [number, number],
    private readonly officeHours: boolean,
  ) {}

  add(command: { type: string; payload: Record<string, unknown> }): void {
    const t = this.timeline.advance(this.timeline.draw(this.pace), this.officeHours);
    this.timeline.commands.push({ ...command, occurredAt: new Date(t).toISOString(), actor: this.actor });
  }

  /** A break: a phone call, a parent at the desk. */
  pause(minutes: number): void {
    this.timeline.advance(minutes * 60, this.officeHours);
  }
}
