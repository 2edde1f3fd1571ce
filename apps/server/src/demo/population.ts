import { addDays, isoDate, rentreeDate, workingDayFrom } from './calendar';
import {
  type Address,
  type BirthPlace,
  type GuardianPerson,
  type GuardianRelation,
  type Identity,
  type NextYearPlan,
  type PreviousSchool,
} from './commands';
import { IneFactory } from './ine';
import {
  ADDRESS_COMPLEMENTS,
  BOY_NAMES,
  EMAIL_DOMAINS,
  emailLocalPart,
  FOREIGN_BIRTH_PLACES,
  FRENCH_BIRTH_PLACES,
  GIRL_NAMES,
  HOME_COMMUNES,
  MEN_NAMES,
  PROFESSIONS,
  STREETS,
  SURNAMES,
  WOMEN_NAMES,
  withoutAccents,
} from './names';
import { type Rng } from './rng';
import {
  classesOf,
  COLLEGE,
  ECOLE,
  ECOLE_UAI,
  type LevelDef,
  levelOf,
  type SchoolDef,
  type Seats,
  withCheckLetter,
} from './school';

/**
 * The demo's people and what happens to them over the two years, decided up front (who comes,
 * who leaves, who moves up, which class), before any command is written. The scenario then
 * turns this into dated commands.
 */

export interface FamilyMember {
  guardianId: string;
  person: GuardianPerson;
  relation: GuardianRelation;
}

export interface Family {
  id: string;
  /** The children's last name. */
  surname: string;
  members: FamilyMember[];
  children: DemoPupil[];
}

/** How the pupil arrived in a year. */
export type Arrival =
  /** Entered when the school started using Liaison, before the first rentrée. */
  | 'initial'
  /** Arrived during the year. */
  | 'midYear'
  /** Pre-enrolled in the spring before, enrolled at the rentrée. */
  | 'preEnrolment'
  /** Registered and enrolled in the last days of August. */
  | 'late'
  /** Carried from the year before by the rollover. */
  | 'carried';

export interface PupilYear {
  formationCode: string;
  /** Undefined: pre-enrolled only. */
  classCode?: string;
  entryDate?: string;
  arrival: Arrival;
  /** Spring pre-enrolment session (0, 1, 2) of a pre-enrolled pupil. */
  wave?: number;
  exit?: { date: string; motive: string };
  classChange?: { date: string; classCode: string };
  plan?: NextYearPlan;
}

export interface LanguageProfile {
  /** First degree: ENG, GER, SPA or ITA. */
  firstDegree: string;
  /** Second degree: the SIECLE matières of LV1 and LV2. */
  lv1: string;
  lv2: string;
}

export type Anomaly = 'no-birth-place' | 'guardian-without-authority' | 'no-lv1' | 'pre-enrolled-only';

export interface DemoPupil {
  school: SchoolDef;
  pupilId: string;
  family: Family;
  identity: Identity;
  /** Registered with these values (a typo), corrected later. */
  typo?: Partial<Identity>;
  ine?: string;
  /** The INE is known at registration; otherwise it comes with the October integration. */
  ineAtRegistration: boolean;
  /** Which family members are this pupil's guardians, with per-child relation changes. */
  guardianIds: string[];
  relationOverrides: Record<string, Partial<GuardianRelation>>;
  languages: LanguageProfile;
  dispositifs: string[];
  years: Map<number, PupilYear>;
  anomaly?: Anomaly;
  /** The école pupil this collège pupil was (same child, same INE). */
  transferredFrom?: DemoPupil;
  /** Grandparent added as a contact during the year before. */
  contactAdded?: FamilyMember;
}

export interface World {
  previous: number;
  current: number;
  pupils: DemoPupil[];
  families: Family[];
}

const FIRST_DEGREE_LV1: ReadonlyArray<readonly [string, number]> = [
  ['ENG', 90],
  ['GER', 6],
  ['SPA', 3],
  ['ITA', 1],
];
const SECOND_DEGREE_OF: Record<string, string> = { ENG: '030201', GER: '030101', SPA: '030601', ITA: '030201' };

/** The last day of classes: the weekday on or before 4 July. */
export function endOfClasses(schoolYear: number): string {
  let date = isoDate(schoolYear + 1, 7, 4);
  while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) date = addDays(date, -1);
  return date;
}

/** The languages a pupil of that level has, by the school's policy. */
export function languagesAt(pupil: DemoPupil, level: LevelDef): { lv1: string; lv2?: string } | undefined {
  if (pupil.anomaly === 'no-lv1' || level.languages === 'none') return undefined;
  if (pupil.school.degree === 'first') return { lv1: pupil.languages.firstDegree };
  return level.languages === 'lv1' ? { lv1: pupil.languages.lv1 } : { lv1: pupil.languages.lv1, lv2: pupil.languages.lv2 };
}

class PopulationBuilder {
  private readonly pupils: DemoPupil[] = [];
  private readonly families: Family[] = [];
  private readonly ines: IneFactory;
  private readonly nextId = new Map<string, number>();
  private familySeq = 0;
  /** Seats of the current year's classes still free after the carried pupils. */
  private remainingSeats = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly previous: number,
    private readonly current: number,
  ) {
    this.ines = new IneFactory(rng.fork('ine'));
  }

  build(): World {
    this.fillPreviousYear();
    this.previousYearEvents();
    this.decideFates();
    this.newcomers();
    this.anomalies();
    this.currentYearEvents();
    return { previous: this.previous, current: this.current, pupils: this.pupils, families: this.families };
  }

  // ----- the year before -----

  private fillPreviousYear(): void {
    const rentree = rentreeDate(this.previous);
    for (const school of [ECOLE, COLLEGE]) {
      for (const klass of classesOf(school, false)) {
        for (const seat of klass.yearSeats) {
          for (let i = 0; i < seat.count; i++) {
            const level = levelOf(school, seat.formationCode);
            const pupil = this.newPupil(
              school,
              level,
              this.previous,
              this.rng.fork(`p:${school.key}:${klass.code}:${seat.formationCode}:${i}`),
            );
            // Maternelle pupils get their INE from ONDE in October; the others bring it.
            pupil.ineAtRegistration = !['TPS', 'PS'].includes(level.formationCode) && !this.rng.chance(0.03);
            pupil.years.set(this.previous, {
              formationCode: seat.formationCode,
              classCode: klass.code,
              entryDate: rentree,
              arrival: 'initial',
            });
          }
        }
      }
    }
    const rng = this.rng.fork('dispositifs');
    const ulis = (school: SchoolDef, levels: string[], count: number) =>
      rng.sample(
        this.inYear(this.previous, school).filter((p) => levels.includes(this.yearOf(p, this.previous).formationCode)),
        count,
      );
    for (const p of ulis(ECOLE, ['CE1', 'CE2', 'CM1'], 3)) p.dispositifs = ['ULIS'];
    for (const p of ulis(
      COLLEGE,
      [COLLEGE.levels[0]!.formationCode, COLLEGE.levels[1]!.formationCode, COLLEGE.levels[2]!.formationCode],
      3,
    )) {
      p.dispositifs = ['ULIS'];
    }
    // Typed without accents at the first entry, corrected in the autumn.
    const typoRng = this.rng.fork('typos-previous');
    const accented = this.pupils.filter((p) => withoutAccents(p.identity.firstName) !== p.identity.firstName);
    for (const p of typoRng.sample(accented, 10)) p.typo = { firstName: withoutAccents(p.identity.firstName) };
  }

  private previousYearEvents(): void {
    const y = this.previous;
    const rng = this.rng.fork('previous-events');
    this.exitDuring(y, ECOLE, 'CE2', isoDate(y, 11, 22), '42', rng);
    this.exitDuring(y, ECOLE, 'MS', isoDate(y + 1, 4, 4), '40', rng);
    this.exitDuring(y, COLLEGE, COLLEGE.levels[1]!.formationCode, isoDate(y, 12, 19), '11', rng);
    this.exitDuring(y, COLLEGE, COLLEGE.levels[4]!.formationCode, isoDate(y + 1, 2, 6), '14', rng);
    this.exitDuring(y, COLLEGE, COLLEGE.levels[2]!.formationCode, isoDate(y + 1, 3, 13), '12', rng);

    this.arriveDuring(y, ECOLE, 'CE1', 'CE1', workingDayFrom(isoDate(y + 1, 1, 6)));
    this.arriveDuring(y, ECOLE, 'MS', 'MS', workingDayFrom(isoDate(y + 1, 3, 3)));
    this.arriveDuring(y, COLLEGE, COLLEGE.levels[2]!.formationCode, '4A', workingDayFrom(isoDate(y + 1, 1, 6)));

    const swapDate = workingDayFrom(isoDate(y, 9, 23));
    this.changeClass(y, '6A', '6B', swapDate, rng);
    this.changeClass(y, '6B', '6A', swapDate, rng);
    this.changeClass(y, 'GS-CP', 'CP', workingDayFrom(isoDate(y, 10, 7)), rng, 'CP');

    // A grandparent becomes a contact for a few pupils.
    const settled = [...this.settled(y, ECOLE), ...this.settled(y, COLLEGE)];
    for (const pupil of rng.sample(
      settled.filter((p) => p.family.members.length === 2),
      3,
    )) {
      const grandma = this.person('MME', rng.pick(SURNAMES), rng.pick(WOMEN_NAMES), this.home(rng), rng, false);
      pupil.contactAdded = {
        guardianId: `${pupil.family.id}G`,
        person: { ...grandma, profession: '74' },
        relation: { link: '38', legalLevel: 3, parentalAuthority: false, livesWith: false },
      };
    }
  }

  // ----- the "An prochain" decisions and the classes of the current year -----

  private decideFates(): void {
    const rng = this.rng.fork('fates');
    const exitDate = endOfClasses(this.previous);
    const remaining = this.seatsOf(this.current);
    const sortie = (motive: string): NextYearPlan => ({ decision: 'sortie', motive, exitDate });
    for (const school of [ECOLE, COLLEGE]) {
      const staying = this.staying(this.previous, school).sort(
        (a, b) =>
          (this.yearOf(a, this.previous).classCode ?? '').localeCompare(this.yearOf(b, this.previous).classCode ?? '') ||
          a.pupilId.localeCompare(b.pupilId),
      );
      for (const pupil of staying) {
        const before = this.yearOf(pupil, this.previous);
        const level = levelOf(school, before.formationCode);
        let plan: NextYearPlan;
        if (!level.next) {
          plan =
            school.degree === 'first'
              ? sortie(
                  rng.weighted([
                    ['11', 78],
                    ['10', 17],
                    ['13', 5],
                  ]),
                )
              : rng.chance(0.04)
                ? { decision: 'redoublement' }
                : sortie(
                    rng.weighted([
                      ['20', 85],
                      ['25', 7],
                      ['29', 8],
                    ]),
                  );
        } else if (school === COLLEGE && level.name === '3e' && rng.chance(0.18)) {
          plan = sortie(
            rng.weighted([
              ['10', 10],
              ['24', 5],
              ['12', 3],
            ]),
          );
        } else if (rng.chance(0.03) && pupil.dispositifs.length === 0) {
          plan = sortie(
            school.degree === 'first'
              ? rng.weighted([
                  ['40', 2],
                  ['42', 1],
                ])
              : rng.weighted([
                  ['11', 1],
                  ['12', 2],
                  ['13', 1],
                ]),
          );
        } else {
          const redouble = school.degree === 'first' ? level.cycle !== '1' && rng.chance(0.01) : rng.chance(0.02);
          plan = { decision: redouble ? 'redoublement' : 'passage' };
        }
        if (plan.decision !== 'sortie') {
          const target = plan.decision === 'passage' ? level.next! : level.formationCode;
          const classCode = this.takeSeat(school, remaining, target, before.classCode!);
          if (classCode) {
            plan = { ...plan, formationCode: target, classCode };
            pupil.years.set(this.current, {
              formationCode: target,
              classCode,
              entryDate: isoDate(this.current, 9, 1),
              arrival: 'carried',
            });
          } else {
            plan = sortie(school.degree === 'first' ? '40' : '12');
          }
        }
        before.plan = plan;
      }
    }
    this.remainingSeats = remaining;
  }

  private seatsOf(year: number): Map<string, number> {
    const seats = new Map<string, number>();
    for (const school of [ECOLE, COLLEGE]) {
      for (const klass of classesOf(school, year === this.current)) {
        for (const seat of klass.yearSeats) seats.set(this.seatKey(school, klass.code, seat), seat.count);
      }
    }
    return seats;
  }

  private seatKey(school: SchoolDef, classCode: string, seat: Seats | string): string {
    return `${school.key}|${classCode}|${typeof seat === 'string' ? seat : seat.formationCode}`;
  }

  /** A class of the current year with a free seat in that formation: same section letter first, else the emptiest. */
  private takeSeat(
    school: SchoolDef,
    remaining: Map<string, number>,
    formationCode: string,
    fromClass: string,
  ): string | undefined {
    const candidates = classesOf(school, true)
      .filter((c) => c.yearSeats.some((s) => s.formationCode === formationCode))
      .map((c) => ({ code: c.code, left: remaining.get(this.seatKey(school, c.code, formationCode)) ?? 0 }))
      .filter((c) => c.left > 0);
    if (candidates.length === 0) return undefined;
    const letter = fromClass.slice(-1);
    const chosen =
      (school === COLLEGE ? candidates.find((c) => c.code.endsWith(letter)) : undefined) ??
      candidates.reduce((best, c) => (c.left > best.left ? c : best));
    remaining.set(this.seatKey(school, chosen.code, formationCode), chosen.left - 1);
    return chosen.code;
  }

  // ----- the current year's newcomers -----

  private newcomers(): void {
    const y = this.current;
    const rng = this.rng.fork('newcomers');
    const rentree = rentreeDate(y);
    const transfers = this.staying(this.previous, ECOLE).filter((p) => this.yearOf(p, this.previous).plan?.motive === '11');
    for (const school of [ECOLE, COLLEGE]) {
      for (const klass of classesOf(school, true)) {
        for (const seat of klass.yearSeats) {
          const key = this.seatKey(school, klass.code, seat);
          let free = this.remainingSeats.get(key) ?? 0;
          if (free > 2 && rng.chance(0.4)) free -= 1;
          const level = levelOf(school, seat.formationCode);
          for (let i = 0; i < free; i++) {
            const from = school === COLLEGE && level.name === '6e' ? transfers.shift() : undefined;
            const pupil = from
              ? this.transfer(from)
              : this.newPupil(school, level, y, this.rng.fork(`n:${school.key}:${klass.code}:${seat.formationCode}:${i}`));
            if (!from) {
              pupil.ineAtRegistration = !['TPS', 'PS'].includes(level.formationCode) && !rng.chance(0.05);
              pupil.identity.previousSchool = this.previousSchoolFor(school, level, rng);
            }
            const late = !from && rng.chance(0.2);
            pupil.years.set(y, {
              formationCode: seat.formationCode,
              classCode: klass.code,
              entryDate: rentree,
              arrival: late ? 'late' : 'preEnrolment',
              wave: rng.int(0, 2),
            });
          }
          this.remainingSeats.set(key, 0);
        }
      }
    }
    const typoRng = this.rng.fork('typos-current');
    const accented = this.pupils.filter(
      (p) =>
        p.years.get(y)?.arrival === 'preEnrolment' &&
        !p.transferredFrom &&
        withoutAccents(p.identity.lastName) !== p.identity.lastName,
    );
    for (const p of typoRng.sample(accented, 4)) p.typo = { lastName: withoutAccents(p.identity.lastName) };
  }

  private previousSchoolFor(school: SchoolDef, level: LevelDef, rng: Rng): PreviousSchool | undefined {
    if (school.degree === 'first' && ['TPS', 'PS'].includes(level.formationCode)) return undefined;
    const provenance = rng.weighted([
      ['1', 50],
      ['2', 30],
      ['3', 8],
      ['4', 7],
      ['5', 5],
    ]);
    const department = rng.weighted([
      ['075', 60],
      ['092', 25],
      ['078', 8],
      ['094', 7],
    ]);
    const uai = ['1', '2', '3', '4'].includes(provenance)
      ? withCheckLetter(`0${department.slice(1)}${rng.digits(4)}`)
      : undefined;
    return { uai, department: uai ? department : undefined, provenance };
  }

  /** The same child, registered at the collège after the école's CM2. */
  private transfer(from: DemoPupil): DemoPupil {
    const before = this.yearOf(from, this.previous);
    const pupil: DemoPupil = {
      ...from,
      school: COLLEGE,
      pupilId: this.pupilId(COLLEGE),
      identity: {
        ...from.identity,
        previousSchool: { uai: ECOLE_UAI, department: '075', provenance: '2', classCode: before.classCode },
      },
      typo: undefined,
      ineAtRegistration: from.ine !== undefined,
      guardianIds: [...from.guardianIds],
      relationOverrides: {},
      dispositifs: [...from.dispositifs],
      years: new Map(),
      transferredFrom: from,
      contactAdded: undefined,
    };
    from.family.children.push(pupil);
    this.pupils.push(pupil);
    return pupil;
  }

  // ----- deliberate anomalies of the current year -----

  private anomalies(): void {
    const y = this.current;
    const rentree = rentreeDate(y);
    const rng = this.rng.fork('anomalies');
    const add = (school: SchoolDef, formationCode: string, classCode: string | undefined, anomaly: Anomaly, arrival: Arrival) => {
      const level = levelOf(school, formationCode);
      const pupil = this.newPupil(school, level, y, rng.fork(`${school.key}:${anomaly}`), { newFamily: true });
      pupil.anomaly = anomaly;
      pupil.ineAtRegistration = level.formationCode !== 'TPS';
      pupil.identity.previousSchool = this.previousSchoolFor(school, level, rng);
      pupil.years.set(y, { formationCode, classCode, entryDate: classCode ? rentree : undefined, arrival, wave: 2 });
      return pupil;
    };
    delete add(ECOLE, 'CE2', 'CE2', 'no-birth-place', 'late').identity.birthPlace;
    const noAuthority = add(ECOLE, 'MS', 'MS', 'guardian-without-authority', 'preEnrolment');
    let father = noAuthority.family.members.find((m) => m.relation.link === '20');
    if (!father) {
      const person = this.person('M.', noAuthority.family.surname, rng.pick(MEN_NAMES), this.home(rng), rng, true);
      father = {
        guardianId: `${noAuthority.family.id}P`,
        person,
        relation: { link: '20', legalLevel: 1, parentalAuthority: true },
      };
      noAuthority.family.members.push(father);
      noAuthority.guardianIds.push(father.guardianId);
    }
    // Legal representative, but the judge withdrew his parental authority: the control flags it.
    noAuthority.relationOverrides[father.guardianId] = { parentalAuthority: false, livesWith: false };
    add(ECOLE, 'CM1', 'CM1', 'no-lv1', 'late');
    const toddler = add(ECOLE, 'TPS', undefined, 'pre-enrolled-only', 'preEnrolment');
    // Born in the autumn: two years old only after the rentrée, starts school in January.
    toddler.identity.birthDate = isoDate(y - 2, rng.int(10, 11), rng.int(1, 28));
    add(COLLEGE, COLLEGE.levels[4]!.formationCode, undefined, 'pre-enrolled-only', 'preEnrolment');
  }

  // ----- the current year, after the rentrée (kept up to today) -----

  private currentYearEvents(): void {
    const y = this.current;
    const rng = this.rng.fork('current-events');
    this.exitDuring(y, ECOLE, 'CE1', isoDate(y, 11, 17), '42', rng);
    this.exitDuring(y, COLLEGE, COLLEGE.levels[2]!.formationCode, isoDate(y, 12, 15), '11', rng);
    this.exitDuring(y, COLLEGE, COLLEGE.levels[5]!.formationCode, isoDate(y + 1, 2, 2), '14', rng);
    this.arriveDuring(y, ECOLE, 'CE2', 'CE2', workingDayFrom(isoDate(y + 1, 1, 5)));
    const upe2a = this.arriveDuring(
      y,
      COLLEGE,
      COLLEGE.levels[1]!.formationCode,
      '5B',
      workingDayFrom(isoDate(y + 1, 1, 6)),
      'abroad',
    );
    upe2a.dispositifs = ['UPE2A'];
    upe2a.ineAtRegistration = false;
    this.changeClass(y, '6A', '6B', workingDayFrom(isoDate(y, 9, 15)), rng);

    // "An prochain" for the year after, decided in June.
    const exitDate = endOfClasses(y);
    for (const school of [ECOLE, COLLEGE]) {
      for (const pupil of this.staying(y, school)) {
        const year = this.yearOf(pupil, y);
        const level = levelOf(school, year.formationCode);
        if (!level.next) {
          year.plan =
            school.degree === 'first'
              ? {
                  decision: 'sortie',
                  motive: rng.weighted([
                    ['11', 80],
                    ['10', 20],
                  ]),
                  exitDate,
                }
              : { decision: 'sortie', motive: '20', exitDate };
        } else if (school.degree === 'second' && rng.chance(0.02)) {
          year.plan = { decision: 'redoublement', formationCode: level.formationCode };
        } else {
          // A first-degree passage goes to the next level by itself; a MEF must be named.
          year.plan = school.degree === 'first' ? { decision: 'passage' } : { decision: 'passage', formationCode: level.next };
        }
      }
    }
  }

  // ----- helpers -----

  private exitDuring(year: number, school: SchoolDef, formationCode: string, date: string, motive: string, rng: Rng): void {
    const candidates = this.settled(year, school).filter(
      (p) =>
        this.yearOf(p, year).formationCode === formationCode && p.dispositifs.length === 0 && !this.yearOf(p, year).classChange,
    );
    const pupil = rng.pick(candidates);
    this.yearOf(pupil, year).exit = { date: workingDayFrom(date), motive };
  }

  private arriveDuring(
    year: number,
    school: SchoolDef,
    formationCode: string,
    classCode: string,
    date: string,
    origin: 'france' | 'abroad' = 'france',
  ): DemoPupil {
    const level = levelOf(school, formationCode);
    const rng = this.rng.fork(`arrival:${year}:${school.key}:${classCode}:${date}`);
    const pupil = this.newPupil(school, level, year, rng, { abroad: origin === 'abroad' });
    pupil.ineAtRegistration = origin === 'france';
    pupil.identity.previousSchool = origin === 'abroad' ? { provenance: '7' } : this.previousSchoolFor(school, level, rng);
    pupil.years.set(year, { formationCode, classCode, entryDate: date, arrival: 'midYear' });
    return pupil;
  }

  private changeClass(year: number, from: string, to: string, date: string, rng: Rng, formationCode?: string): void {
    const candidates = this.settled(year, /^\d/.test(from) ? COLLEGE : ECOLE).filter((p) => {
      const y = this.yearOf(p, year);
      return y.classCode === from && !y.classChange && (!formationCode || y.formationCode === formationCode);
    });
    const pupil = rng.pick(candidates);
    this.yearOf(pupil, year).classChange = { date, classCode: to };
  }

  private inYear(year: number, school: SchoolDef): DemoPupil[] {
    return this.pupils.filter((p) => p.school === school && p.years.has(year));
  }

  /** Enrolled in that year (with a class) and not exited. */
  private staying(year: number, school: SchoolDef): DemoPupil[] {
    return this.inYear(year, school).filter((p) => {
      const y = this.yearOf(p, year);
      return y.classCode !== undefined && !y.exit;
    });
  }

  /** Staying pupils there from the start of the year, none of the deliberate anomalies: the ones events may pick. */
  private settled(year: number, school: SchoolDef): DemoPupil[] {
    return this.staying(year, school).filter((p) => !p.anomaly && this.yearOf(p, year).arrival !== 'midYear');
  }

  private yearOf(pupil: DemoPupil, year: number): PupilYear {
    const y = pupil.years.get(year);
    if (!y) throw new Error(`${pupil.pupilId} has no year ${year}`);
    return y;
  }

  private pupilId(school: SchoolDef): string {
    const n = (this.nextId.get(school.key) ?? 0) + 1;
    this.nextId.set(school.key, n);
    return `${school.pupilPrefix}${String(n).padStart(4, '0')}`;
  }

  private newPupil(
    school: SchoolDef,
    level: LevelDef,
    schoolYear: number,
    rng: Rng,
    options: { newFamily?: boolean; abroad?: boolean } = {},
  ): DemoPupil {
    const sex = rng.chance(0.5) ? 'F' : 'M';
    const names = sex === 'F' ? GIRL_NAMES : BOY_NAMES;
    const birthYear = schoolYear - level.age;
    // Toute petite section: two years old at the rentrée.
    const month = level.formationCode === 'TPS' ? rng.int(1, 8) : rng.int(1, 12);
    const birthDate = isoDate(birthYear, month, rng.int(1, month === 2 ? 28 : 30));
    const family = (!options.newFamily && this.siblingFamily(birthYear, rng)) || this.newFamily(rng);
    // Siblings do not share a first name.
    const taken = new Set(family.children.map((c) => c.identity.firstName));
    let firstName = rng.pick(names);
    while (taken.has(firstName)) firstName = rng.pick(names);
    let firstName2: string | undefined = rng.chance(0.5) ? rng.pick(names) : undefined;
    if (firstName2 === firstName) firstName2 = undefined;
    const firstName3 = firstName2 && rng.chance(0.2) ? rng.pick(names) : undefined;
    const abroad = options.abroad || rng.chance(0.08);
    let birthPlace: BirthPlace;
    let nationality = '100';
    if (abroad) {
      const place = rng.pick(FOREIGN_BIRTH_PLACES);
      birthPlace = { country: place.country, city: place.city };
      if (options.abroad || rng.chance(0.45)) nationality = place.country;
    } else {
      birthPlace = { country: '100', ...rng.weighted(FRENCH_BIRTH_PLACES) };
    }
    const fd = rng.weighted(FIRST_DEGREE_LV1);
    // At the collège the LV1 follows the école's; pupils from elsewhere sometimes chose German.
    const lv1 = school.degree === 'first' || rng.chance(0.85) ? SECOND_DEGREE_OF[fd]! : '030101';
    const lv2 =
      lv1 === '030201'
        ? rng.weighted([
            ['030602', 75],
            ['030102', 25],
          ])
        : '030202';
    const pupil: DemoPupil = {
      school,
      pupilId: this.pupilId(school),
      family,
      identity: {
        lastName: family.surname,
        firstName,
        sex,
        birthDate,
        firstName2,
        firstName3,
        birthPlace,
        nationality,
      },
      ine: this.ines.next(),
      ineAtRegistration: true,
      guardianIds: family.members.map((m) => m.guardianId),
      relationOverrides: {},
      languages: { firstDegree: fd, lv1, lv2 },
      dispositifs: [],
      years: new Map(),
    };
    family.children.push(pupil);
    this.pupils.push(pupil);
    return pupil;
  }

  /** Now and then the child of a family already known, born at least two years apart. */
  private siblingFamily(birthYear: number, rng: Rng): Family | undefined {
    if (this.families.length === 0 || !rng.chance(0.3)) return undefined;
    for (let attempt = 0; attempt < 12; attempt++) {
      const family = rng.pick(this.families);
      const ages = new Set(
        family.children.map((c) => c.transferredFrom ?? c).map((c) => Number(c.identity.birthDate.slice(0, 4))),
      );
      if (ages.size < 3 && [...ages].every((y) => Math.abs(y - birthYear) >= 2)) return family;
    }
    return undefined;
  }

  private newFamily(rng: Rng): Family {
    const id = `R${String(++this.familySeq).padStart(4, '0')}`;
    const fatherName = rng.pick(SURNAMES);
    const motherName = rng.pick(SURNAMES);
    const surname = rng.chance(0.07) && motherName !== fatherName ? `${fatherName}-${motherName}` : fatherName;
    const home = this.home(rng);
    const kind = rng.weighted([
      ['couple', 78],
      ['separated', 14],
      ['mother', 5],
      ['father', 1.5],
      ['tutor', 1.5],
    ] as const);
    const members: FamilyMember[] = [];
    if (kind === 'tutor') {
      const tutor = this.person(
        rng.chance(0.7) ? 'MME' : 'M.',
        rng.pick(SURNAMES),
        rng.pick(rng.chance(0.7) ? WOMEN_NAMES : MEN_NAMES),
        home,
        rng,
        true,
      );
      members.push({
        guardianId: `${id}T`,
        person: tutor,
        relation: { link: '50', legalLevel: 1, parentalAuthority: true, livesWith: true },
      });
    } else {
      if (kind !== 'father') {
        const married = motherName !== fatherName && rng.chance(0.55);
        const mother = this.person(
          'MME',
          motherName === fatherName ? fatherName : motherName,
          rng.pick(WOMEN_NAMES),
          home,
          rng,
          true,
        );
        if (married && kind !== 'mother') mother.usageName = fatherName;
        members.push({
          guardianId: `${id}M`,
          person: mother,
          relation: { link: '10', legalLevel: 1, parentalAuthority: true, livesWith: true },
        });
      }
      if (kind !== 'mother') {
        const apart = kind === 'separated';
        const father = this.person('M.', fatherName, rng.pick(MEN_NAMES), apart ? this.home(rng) : home, rng, true);
        members.push({
          guardianId: `${id}P`,
          person: father,
          relation: { link: '20', legalLevel: 1, parentalAuthority: true, livesWith: !apart },
        });
      }
    }
    const family: Family = { id, surname, members, children: [] };
    this.families.push(family);
    return family;
  }

  private home(rng: Rng): Address {
    const place = rng.weighted(HOME_COMMUNES);
    return {
      line1: `${rng.int(1, 140)}${rng.chance(0.08) ? ' bis' : ''} ${rng.pick(STREETS)}`,
      line2: rng.chance(0.2) ? rng.pick(ADDRESS_COMPLEMENTS) : undefined,
      postalCode: place.postalCode,
      commune: place.commune,
      country: '100',
    };
  }

  private person(
    civility: 'M.' | 'MME',
    lastName: string,
    firstName: string,
    address: Address,
    rng: Rng,
    works: boolean,
  ): GuardianPerson {
    return {
      civility,
      lastName,
      firstName,
      address,
      phone: rng.chance(0.3) ? `01 ${rng.int(40, 49)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}` : undefined,
      mobile: rng.chance(0.95)
        ? `0${rng.pick(['6', '7'])} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`
        : undefined,
      email: rng.chance(0.9) ? `${emailLocalPart(firstName, lastName)}@${rng.pick(EMAIL_DOMAINS)}` : undefined,
      profession: works && rng.chance(0.9) ? rng.weighted(PROFESSIONS) : undefined,
    };
  }
}

/** The demo's people and their two years, for the school years before and of today. */
export function buildWorld(rng: Rng, current: number): World {
  return new PopulationBuilder(rng, current - 1, current).build();
}
