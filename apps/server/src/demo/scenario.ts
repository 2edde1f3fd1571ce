import { addDays, isoDate, parisDateOf, parisInstant, rentreeDate, schoolYearOf } from './calendar';
import { cmd, type Guardian, type GuardianPerson, type Identity } from './commands';
import { demoNomenclature } from './nomenclatures';
import { buildWorld, type DemoPupil, type FamilyMember, languagesAt, type World } from './population';
import { DEMO_SEED, Rng } from './rng';
import { classesOf, levelOf, type SchoolDef, SCHOOLS } from './school';
import { type DemoCommand, type Session, Timeline } from './timeline';

/** Who works in the demo's history. The installer (`--actor`) sets the establishments up. */
export const DEMO_ACTORS = {
  direction: 'direction',
  ecole: 'secretariat.martin',
  college: 'secretariat.nguyen',
} as const;

export const DEMO_SOURCE = 'demo';

export interface DemoUser {
  login: string;
  role: 'direction' | 'secretariat';
  password: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { login: 'direction', role: 'direction', password: 'demo' },
  { login: 'secretariat', role: 'secretariat', password: 'demo' },
];

export interface DemoScenarioOptions {
  /** "Now": decides the two school years and where the current year's history stops. */
  now: Date;
  /** Who registers the establishments and opens the first year (`--actor`). */
  installer: string;
  seed?: number;
}

export interface DemoCounts {
  establishments: number;
  classes: number;
  classesCurrentYear: number;
  pupils: number;
  pupilsEnrolledCurrentYear: number;
  pupilsPreEnrolledCurrentYear: number;
  guardians: number;
  commands: number;
}

export interface DemoScenario {
  previousYear: number;
  currentYear: number;
  /** Each with the secretary who works there (who the plugins' demo part is recorded for). */
  establishments: Array<{ uai: string; name: string; degree: 'first' | 'second'; actor: string }>;
  /** In chronological order of `occurredAt`, none after `now`. */
  commands: DemoCommand[];
  counts: DemoCounts;
}

interface AgendaItem {
  date: string;
  time: string;
  actor: string;
  run: (session: Session) => void;
  options?: { pace?: readonly [number, number]; officeHours?: boolean };
}

const actorOf = (school: SchoolDef) => (school.degree === 'first' ? DEMO_ACTORS.ecole : DEMO_ACTORS.college);

/** Turns the demo's world into dated commands, session by session. */
class ScenarioWriter {
  private readonly agenda: AgendaItem[] = [];
  /** Guardian persons as each establishment knows them, by `<uai>|<guardianId>`. */
  private readonly known = new Map<string, GuardianPerson>();
  private readonly registered = new Set<DemoPupil>();
  private readonly ineAssigned = new Set<DemoPupil>();
  private readonly P: number;
  private readonly Y: number;

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
    private readonly installer: string,
  ) {
    this.P = world.previous;
    this.Y = world.current;
  }

  write(timeline: Timeline): void {
    this.setUp();
    this.classes(this.P);
    this.initialPupils();
    this.yearEvents(this.P);
    this.openCurrentYear();
    this.preEnrolments();
    this.classes(this.Y);
    this.plans(this.P, isoDate(this.Y, 6, 16));
    this.rollover();
    this.rentree();
    this.yearEvents(this.Y);
    this.plans(this.Y, isoDate(this.Y + 1, 5, 18));
    // By planned date and time; items planned together keep the order they were written in.
    const ordered = this.agenda
      .map((item, index) => ({ item, index }))
      .sort((a, b) => a.item.date.localeCompare(b.item.date) || a.item.time.localeCompare(b.item.time) || a.index - b.index)
      .map(({ item }) => item);
    const rentree = parisInstant(isoDate(this.Y, 9, 1), 0).getTime();
    for (const item of ordered) {
      const before = timeline.instant;
      item.run(timeline.session(item.actor, item.date, item.time, item.options));
      // The current year's pupils must all be in place before its first day, whatever today is.
      if (before < rentree && item.date < isoDate(this.Y, 9, 1) && timeline.instant >= rentree) {
        throw new Error(`demo: the session of ${item.actor} planned on ${item.date} ends after the rentrée ${this.Y}`);
      }
    }
  }

  private at(date: string, time: string, actor: string, run: (s: Session) => void, options?: AgendaItem['options']): void {
    this.agenda.push({ date, time, actor, run, options });
  }

  // ----- set-up and classes -----

  private setUp(): void {
    this.at(
      isoDate(this.P, 6, 12),
      '09:10',
      this.installer,
      (s) => {
        for (const school of SCHOOLS) s.add(cmd.registerEstablishment(school.uai, school.name, school.degree, school.contract));
        for (const school of SCHOOLS) {
          s.add(cmd.openYear(school.uai, this.P));
          this.declareNomenclatures(s, school, this.P);
        }
      },
      { pace: [10, 40] },
    );
  }

  private openCurrentYear(): void {
    this.at(
      isoDate(this.Y, 3, 16),
      '10:30',
      DEMO_ACTORS.direction,
      (s) => {
        for (const school of SCHOOLS) {
          s.add(cmd.openYear(school.uai, this.Y));
          this.declareNomenclatures(s, school, this.Y);
        }
      },
      { pace: [10, 40] },
    );
  }

  private declareNomenclatures(s: Session, school: SchoolDef, year: number): void {
    const n = demoNomenclature(school.degree);
    s.add(cmd.declareFormations(school.uai, year, n.source, n.formations));
    s.add(cmd.declareLanguages(school.uai, year, n.source, n.languages));
    s.add(cmd.declareClassTypes(school.uai, year, n.source, n.classTypes));
  }

  private classes(year: number): void {
    const current = year === this.Y;
    for (const [i, school] of SCHOOLS.entries()) {
      const date = current ? isoDate(this.Y, 5, 26 + i) : isoDate(this.P, 6, 24 + i);
      this.at(
        date,
        '14:00',
        actorOf(school),
        (s) => {
          for (const klass of classesOf(school, current)) {
            s.add(cmd.createClass(school.uai, year, klass.code, klass.label));
            if (klass.rectoratCode) s.add(cmd.codeClass(school.uai, year, klass.code, klass.rectoratCode));
            s.add(cmd.setClassContract(school.uai, year, klass.code, school.contract));
            s.add(cmd.setClassType(school.uai, year, klass.code, 'ordinaire'));
            for (const seat of klass.yearSeats) s.add(cmd.assignFormation(school.uai, year, klass.code, seat.formationCode));
          }
        },
        { pace: [15, 45] },
      );
    }
  }

  // ----- pupils -----

  private pupilsOf(school: SchoolDef, year: number, keep: (p: DemoPupil) => boolean): DemoPupil[] {
    return this.world.pupils.filter((p) => p.school === school && p.years.has(year) && keep(p));
  }

  private guardiansFor(pupil: DemoPupil): Guardian[] {
    return pupil.guardianIds.map((guardianId) => {
      const member = pupil.family.members.find((m) => m.guardianId === guardianId);
      if (!member) throw new Error(`${pupil.pupilId}: no guardian ${guardianId}`);
      return { guardianId, ...this.personAt(pupil.school, member), ...member.relation, ...pupil.relationOverrides[guardianId] };
    });
  }

  /** The person as the establishment knows it (siblings must name the same data), else as the family is now. */
  private personAt(school: SchoolDef, member: FamilyMember): GuardianPerson {
    const key = `${school.uai}|${member.guardianId}`;
    let person = this.known.get(key);
    if (!person) {
      person = member.person;
      this.known.set(key, person);
    }
    return person;
  }

  private register(s: Session, pupil: DemoPupil): void {
    const identity: Identity = { ...pupil.identity, ...pupil.typo };
    s.add(cmd.registerPupil(pupil.school.uai, pupil.pupilId, identity, this.guardiansFor(pupil)));
    this.registered.add(pupil);
    if (pupil.ineAtRegistration) this.assignIne(s, pupil);
  }

  private assignIne(s: Session, pupil: DemoPupil): void {
    if (!pupil.ine || this.ineAssigned.has(pupil)) return;
    s.add(cmd.assignNationalId(pupil.school.uai, pupil.pupilId, pupil.ine));
    this.ineAssigned.add(pupil);
  }

  private enrol(s: Session, pupil: DemoPupil, year: number): void {
    const y = pupil.years.get(year)!;
    s.add(cmd.enrolPupil(pupil.school.uai, year, pupil.pupilId, y.classCode!, y.entryDate!, y.formationCode));
  }

  private languages(s: Session, pupil: DemoPupil, year: number, formationCode = pupil.years.get(year)!.formationCode): void {
    const languages = languagesAt(pupil, levelOf(pupil.school, formationCode));
    if (languages) s.add(cmd.setPupilLanguages(pupil.school.uai, year, pupil.pupilId, languages.lv1, languages.lv2));
  }

  private dispositifs(s: Session, pupil: DemoPupil, year: number): void {
    if (pupil.dispositifs.length > 0) s.add(cmd.setPupilDispositifs(pupil.school.uai, year, pupil.pupilId, pupil.dispositifs));
  }

  /** The first rentrée with Liaison: from the day after, every pupil entered, class by class, alphabetically. */
  private initialPupils(): void {
    for (const school of SCHOOLS) {
      this.at(
        addDays(rentreeDate(this.P), 1),
        '08:40',
        actorOf(school),
        (s) => {
          for (const klass of classesOf(school, false)) {
            const pupils = this.pupilsOf(
              school,
              this.P,
              (p) => p.years.get(this.P)!.arrival === 'initial' && p.years.get(this.P)!.classCode === klass.code,
            ).sort(
              (a, b) =>
                a.identity.lastName.localeCompare(b.identity.lastName, 'fr') ||
                a.identity.firstName.localeCompare(b.identity.firstName, 'fr'),
            );
            for (const pupil of pupils) {
              this.register(s, pupil);
              this.enrol(s, pupil, this.P);
              this.languages(s, pupil, this.P);
              this.dispositifs(s, pupil, this.P);
            }
            s.pause(this.rng.int(5, 25));
          }
        },
        { pace: [12, 50] },
      );
    }
  }

  /** What happens during a year: corrections, INE integration, arrivals, exits, moves, contacts. */
  private yearEvents(year: number): void {
    const rng = this.rng.fork(`events:${year}`);
    for (const school of SCHOOLS) {
      const actor = actorOf(school);
      const offset = school.degree === 'first' ? 0 : 1;
      this.at(isoDate(year, 9, 15 + offset), '10:00', actor, (s) => {
        for (const pupil of this.pupilsOf(school, year, (p) => p.typo !== undefined && this.registered.has(p))) {
          const fixed: Partial<Identity> = {};
          for (const key of Object.keys(pupil.typo!) as Array<keyof Identity>)
            Object.assign(fixed, { [key]: pupil.identity[key] });
          s.add(cmd.correctPupilIdentity(school.uai, pupil.pupilId, fixed));
          pupil.typo = undefined;
        }
      });
      this.at(isoDate(year, 10, 6 + 7 * offset), '14:00', actor, (s) => {
        const waiting = this.pupilsOf(
          school,
          year,
          (p) => this.registered.has(p) && !this.ineAssigned.has(p) && p.anomaly !== 'pre-enrolled-only',
        );
        // One family has not sent the certificate yet: that pupil waits for the next integration.
        const late = year === this.Y && waiting.length > 1 ? rng.pick(waiting) : undefined;
        for (const pupil of waiting) if (pupil !== late) this.assignIne(s, pupil);
      });
      for (const pupil of this.pupilsOf(school, year, () => true)) {
        const y = pupil.years.get(year)!;
        if (y.classChange) {
          const change = y.classChange;
          this.at(change.date, '11:00', actor, (s) =>
            s.add(cmd.changePupilClass(school.uai, year, pupil.pupilId, change.classCode, change.date)),
          );
        }
        if (y.exit) {
          const exit = y.exit;
          this.at(exit.date, '16:30', actor, (s) =>
            s.add(cmd.exitPupil(school.uai, year, pupil.pupilId, exit.date, exit.motive)),
          );
        }
        if (y.arrival === 'midYear') {
          this.at(addDays(y.entryDate!, -3), '09:30', actor, (s) => {
            this.register(s, pupil);
            this.enrol(s, pupil, year);
            this.languages(s, pupil, year);
            this.dispositifs(s, pupil, year);
          });
          if (!pupil.ineAtRegistration) {
            this.at(addDays(y.entryDate!, 56), '10:00', actor, (s) => this.assignIne(s, pupil));
          }
        }
        if (pupil.contactAdded && year === this.P) {
          const contact = pupil.contactAdded;
          this.at(isoDate(year, 11, 18), '15:00', actor, (s) => {
            s.add(
              cmd.addGuardian(school.uai, pupil.pupilId, {
                guardianId: contact.guardianId,
                ...contact.person,
                ...contact.relation,
              }),
            );
          });
        }
      }
    }
    const corrections: Array<[string, 'mobile' | 'email' | 'address' | 'profession', number]> =
      year === this.P
        ? [
            [isoDate(year, 10, 2), 'mobile', 0],
            [isoDate(year, 11, 19), 'email', 1],
            [isoDate(year + 1, 1, 20), 'address', 0],
            [isoDate(year + 1, 3, 10), 'address', 1],
            [isoDate(year + 1, 5, 5), 'profession', 0],
          ]
        : [
            [isoDate(year, 9, 29), 'mobile', 1],
            [isoDate(year, 11, 24), 'address', 0],
            [isoDate(year + 1, 1, 19), 'email', 1],
            [isoDate(year + 1, 3, 16), 'mobile', 0],
            [isoDate(year + 1, 4, 13), 'profession', 1],
          ];
    for (const [date, what, index] of corrections) {
      const school = SCHOOLS[index]!;
      this.at(date, '11:30', actorOf(school), (s) => this.correctGuardians(s, school, year, what, rng.fork(`${date}:${what}`)));
    }
  }

  /** A family tells the secretariat about a new number, address, e-mail or job. */
  private correctGuardians(
    s: Session,
    school: SchoolDef,
    year: number,
    what: 'mobile' | 'email' | 'address' | 'profession',
    rng: Rng,
  ): void {
    const pupils = this.pupilsOf(
      school,
      year,
      (p) => this.registered.has(p) && !p.years.get(year)!.exit && !p.anomaly && p.family.members.length > 0,
    );
    for (const pupil of rng.sample(pupils, what === 'address' ? 1 : 2)) {
      const members = pupil.family.members.filter((m) => pupil.guardianIds.includes(m.guardianId));
      const first = members[0]!;
      const targets = what === 'address' ? members.filter((m) => m.person.address === first.person.address) : [first];
      const address = {
        ...first.person.address,
        line1: `${rng.int(1, 90)} ${rng.pick(['rue Balard', 'rue Linois', 'rue de Lourmel', 'avenue de Ségur', 'rue Fondary'])}`,
        line2: undefined,
      };
      for (const member of targets) {
        const current = this.personAt(school, member);
        const changes: Partial<GuardianPerson> =
          what === 'mobile'
            ? { mobile: `06 ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}` }
            : what === 'email'
              ? {
                  email: `${current.firstName
                    .toLowerCase()
                    .normalize('NFD')
                    .replace(/[\u0300-\u036f]/g, '')
                    .replace(/[^a-z]/g, '')}.${rng.digits(2)}@exemple.org`,
                }
              : what === 'address'
                ? { address: { ...address, postalCode: '75015', commune: 'Paris' } }
                : { profession: rng.pick(['37', '38', '46', '54', '34']) };
        s.add(cmd.correctGuardian(school.uai, pupil.pupilId, member.guardianId, changes));
        const updated = JSON.parse(JSON.stringify({ ...current, ...changes })) as GuardianPerson;
        this.known.set(`${school.uai}|${member.guardianId}`, updated);
        member.person = updated;
      }
    }
  }

  // ----- the current year's preparation -----

  private preEnrolments(): void {
    const waves = [isoDate(this.Y, 4, 7), isoDate(this.Y, 5, 12), isoDate(this.Y, 6, 9)];
    for (const [wave, date] of waves.entries()) {
      for (const [i, school] of SCHOOLS.entries()) {
        this.at(
          addDays(date, i),
          '09:00',
          actorOf(school),
          (s) => {
            for (const pupil of this.pupilsOf(
              school,
              this.Y,
              (p) => p.years.get(this.Y)!.arrival === 'preEnrolment' && p.years.get(this.Y)!.wave === wave,
            )) {
              this.register(s, pupil);
              s.add(cmd.preEnrolPupil(school.uai, this.Y, pupil.pupilId, pupil.years.get(this.Y)!.formationCode));
            }
          },
          { pace: [30, 120] },
        );
      }
    }
  }

  /** "An prochain": the direction enters the repeats, the secretariats the rest. */
  private plans(year: number, from: string): void {
    const planned = (school: SchoolDef, redoublement: boolean) =>
      this.pupilsOf(school, year, (p) => {
        const plan = p.years.get(year)!.plan;
        return plan !== undefined && (plan.decision === 'redoublement') === redoublement;
      });
    this.at(from, '17:00', DEMO_ACTORS.direction, (s) => {
      for (const school of SCHOOLS) {
        for (const pupil of planned(school, true))
          s.add(cmd.planNextYear(school.uai, year, pupil.pupilId, pupil.years.get(year)!.plan!));
      }
    });
    for (const [i, school] of SCHOOLS.entries()) {
      this.at(
        addDays(from, 1 + 6 * i),
        '09:00',
        actorOf(school),
        (s) => {
          for (const pupil of planned(school, false))
            s.add(cmd.planNextYear(school.uai, year, pupil.pupilId, pupil.years.get(year)!.plan!));
        },
        { pace: [8, 30] },
      );
    }
  }

  /** What `year rollover --from P` does: exits for the "sortie" plans, the others carried into their class. */
  private rollover(): void {
    this.at(
      isoDate(this.Y, 7, 7),
      '10:00',
      DEMO_ACTORS.direction,
      (s) => {
        for (const school of SCHOOLS) {
          for (const pupil of this.pupilsOf(school, this.P, (p) => p.years.get(this.P)!.plan !== undefined)) {
            const before = pupil.years.get(this.P)!;
            const plan = before.plan!;
            if (plan.decision === 'sortie') {
              s.add(cmd.exitPupil(school.uai, this.P, pupil.pupilId, plan.exitDate!, plan.motive!));
              continue;
            }
            this.enrol(s, pupil, this.Y);
            this.languages(s, pupil, this.Y, before.formationCode);
            this.dispositifs(s, pupil, this.Y);
          }
        }
      },
      { pace: [0, 1], officeHours: false },
    );
  }

  /** Late August: pre-enrolled pupils into their classes, late registrations, languages of the new levels. */
  private rentree(): void {
    for (const [i, school] of SCHOOLS.entries()) {
      this.at(
        isoDate(this.Y, 8, 25 + i),
        '08:45',
        actorOf(school),
        (s) => {
          const current = (p: DemoPupil) => p.years.get(this.Y)!;
          for (const pupil of this.pupilsOf(
            school,
            this.Y,
            (p) => current(p).arrival === 'preEnrolment' && current(p).classCode !== undefined,
          )) {
            this.enrol(s, pupil, this.Y);
            this.languages(s, pupil, this.Y);
            this.dispositifs(s, pupil, this.Y);
          }
          for (const pupil of this.pupilsOf(school, this.Y, (p) => current(p).arrival === 'late')) {
            this.register(s, pupil);
            this.enrol(s, pupil, this.Y);
            this.languages(s, pupil, this.Y);
            this.dispositifs(s, pupil, this.Y);
          }
          // Moving up a level can bring a language (CP) or a second one (5e).
          for (const pupil of this.pupilsOf(school, this.Y, (p) => current(p).arrival === 'carried')) {
            const before = languagesAt(pupil, levelOf(school, pupil.years.get(this.P)!.formationCode));
            const now = languagesAt(pupil, levelOf(school, current(pupil).formationCode));
            if (now && (now.lv1 !== before?.lv1 || now.lv2 !== before?.lv2)) this.languages(s, pupil, this.Y);
          }
        },
        { pace: [15, 60] },
      );
    }
  }
}

function countOf(commands: readonly DemoCommand[], currentYear: number): DemoCounts {
  const of = (type: string) => commands.filter((c) => c.type === type);
  const guardians = new Set<string>();
  for (const c of of('RegisterPupil')) {
    for (const g of (c.payload.guardians as Array<{ guardianId: string }> | undefined) ?? [])
      guardians.add(`${String(c.payload.uai)}|${g.guardianId}`);
  }
  for (const c of of('AddGuardian'))
    guardians.add(`${String(c.payload.uai)}|${(c.payload.guardian as { guardianId: string }).guardianId}`);
  const key = (c: DemoCommand) => `${String(c.payload.uai)}|${String(c.payload.pupilId)}`;
  const enrolled = new Set(
    of('EnrolPupil')
      .filter((c) => c.payload.year === currentYear)
      .map(key),
  );
  const preEnrolled = new Set(
    of('PreEnrolPupil')
      .filter((c) => c.payload.year === currentYear)
      .map(key),
  );
  return {
    establishments: of('RegisterEstablishment').length,
    classes: of('CreateClass').length,
    classesCurrentYear: of('CreateClass').filter((c) => c.payload.year === currentYear).length,
    pupils: of('RegisterPupil').length,
    pupilsEnrolledCurrentYear: enrolled.size,
    pupilsPreEnrolledCurrentYear: [...preEnrolled].filter((k) => !enrolled.has(k)).length,
    guardians: guardians.size,
    commands: commands.length,
  };
}

/** The whole demo as dated commands, for the school year of `now` and the one before. */
export function buildDemoScenario(options: DemoScenarioOptions): DemoScenario {
  const rng = new Rng(options.seed ?? DEMO_SEED);
  const currentYear = schoolYearOf(parisDateOf(options.now));
  const world = buildWorld(rng.fork('world'), currentYear);
  const timeline = new Timeline(rng.fork('timeline'));
  new ScenarioWriter(world, rng.fork('scenario'), options.installer).write(timeline);
  const limit = options.now.toISOString();
  const commands = timeline.commands.filter((c) => c.occurredAt <= limit);
  return {
    previousYear: currentYear - 1,
    currentYear,
    establishments: SCHOOLS.map((s) => ({ uai: s.uai, name: s.name, degree: s.degree, actor: actorOf(s) })),
    commands,
    counts: countOf(commands, currentYear),
  };
}
