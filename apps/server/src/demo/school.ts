import { uaiCheckLetter } from '@liaison/domain';

/**
 * The demo's groupe scolaire: an école and a collège-lycée, their levels and their classes.
 * Seats are the number of pupils the demo puts in each class for each formation; the year
 * before has the same classes except where `current` differs.
 */

export type Degree = 'first' | 'second';
export type SchoolKey = 'ecole' | 'college';
export type LanguagePolicy = 'none' | 'lv1' | 'lv1-lv2';

export interface LevelDef {
  formationCode: string;
  /** How people say it: "CP", "6e". */
  name: string;
  /** Age reached in the calendar year of the rentrée: birth year = school year − age. */
  age: number;
  /** The formation of a passage; none after the school's last level. */
  next?: string;
  languages: LanguagePolicy;
  /** First degree only. */
  cycle?: string;
}

export interface Seats {
  formationCode: string;
  count: number;
}

export interface ClassDef {
  code: string;
  label: string;
  /** Undefined: the class is never coded (a deliberate anomaly of the current year). */
  rectoratCode?: string;
  seats: Seats[];
  /** Seats of the current year, when they differ from the year before. */
  currentSeats?: Seats[];
  /** The class only exists in the current year. */
  currentOnly?: boolean;
}

export interface SchoolDef {
  key: SchoolKey;
  uai: string;
  name: string;
  degree: Degree;
  contract: 'association';
  /** Prefix of the pupil ids ("E0001"). */
  pupilPrefix: string;
  levels: LevelDef[];
  classes: ClassDef[];
}

export const withCheckLetter = (sevenDigits: string): string => sevenDigits + uaiCheckLetter(sevenDigits);

export const ECOLE_UAI = withCheckLetter('0754321');
export const COLLEGE_UAI = withCheckLetter('0754322');

const seats = (...pairs: Array<[string, number]>): Seats[] => pairs.map(([formationCode, count]) => ({ formationCode, count }));

export const ECOLE: SchoolDef = {
  key: 'ecole',
  uai: ECOLE_UAI,
  name: 'École Saint-Joseph',
  degree: 'first',
  contract: 'association',
  pupilPrefix: 'E',
  levels: [
    { formationCode: 'TPS', name: 'TPS', age: 2, next: 'PS', languages: 'none', cycle: '1' },
    { formationCode: 'PS', name: 'PS', age: 3, next: 'MS', languages: 'none', cycle: '1' },
    { formationCode: 'MS', name: 'MS', age: 4, next: 'GS', languages: 'none', cycle: '1' },
    { formationCode: 'GS', name: 'GS', age: 5, next: 'CP', languages: 'none', cycle: '1' },
    { formationCode: 'CP', name: 'CP', age: 6, next: 'CE1', languages: 'lv1', cycle: '2' },
    { formationCode: 'CE1', name: 'CE1', age: 7, next: 'CE2', languages: 'lv1', cycle: '2' },
    { formationCode: 'CE2', name: 'CE2', age: 8, next: 'CM1', languages: 'lv1', cycle: '2' },
    { formationCode: 'CM1', name: 'CM1', age: 9, next: 'CM2', languages: 'lv1', cycle: '3' },
    { formationCode: 'CM2', name: 'CM2', age: 10, languages: 'lv1', cycle: '3' },
  ],
  classes: [
    { code: 'TPS-PS', label: 'TPS-PS', rectoratCode: 'EC01', seats: seats(['TPS', 8], ['PS', 22]) },
    { code: 'MS', label: 'MS', rectoratCode: 'EC02', seats: seats(['MS', 30]) },
    { code: 'GS', label: 'GS', rectoratCode: 'EC03', seats: seats(['GS', 21]) },
    { code: 'GS-CP', label: 'GS-CP', rectoratCode: 'EC04', seats: seats(['GS', 9], ['CP', 15]) },
    { code: 'CP', label: 'CP', rectoratCode: 'EC05', seats: seats(['CP', 17]) },
    { code: 'CE1', label: 'CE1', rectoratCode: 'EC06', seats: seats(['CE1', 32]), currentSeats: seats(['CE1', 24]) },
    { code: 'CE1-CE2', label: 'CE1-CE2', seats: seats(['CE1', 8], ['CE2', 12]), currentOnly: true },
    { code: 'CE2', label: 'CE2', rectoratCode: 'EC07', seats: seats(['CE2', 32]), currentSeats: seats(['CE2', 20]) },
    { code: 'CM1', label: 'CM1', rectoratCode: 'EC08', seats: seats(['CM1', 22]) },
    { code: 'CM1-CM2', label: 'CM1-CM2', rectoratCode: 'EC09', seats: seats(['CM1', 10], ['CM2', 15]) },
    { code: 'CM2', label: 'CM2', rectoratCode: 'EC10', seats: seats(['CM2', 17]) },
  ],
};

const MEF = {
  sixieme: '10010012110',
  cinquieme: '10110001110',
  quatrieme: '10210001110',
  troisieme: '10310019110',
  seconde: '20010018110',
  premiere: '20110019110',
  terminale: '20211010110',
} as const;

export const COLLEGE: SchoolDef = {
  key: 'college',
  uai: COLLEGE_UAI,
  name: 'Collège-lycée Saint-Joseph',
  degree: 'second',
  contract: 'association',
  pupilPrefix: 'S',
  levels: [
    { formationCode: MEF.sixieme, name: '6e', age: 11, next: MEF.cinquieme, languages: 'lv1' },
    { formationCode: MEF.cinquieme, name: '5e', age: 12, next: MEF.quatrieme, languages: 'lv1-lv2' },
    { formationCode: MEF.quatrieme, name: '4e', age: 13, next: MEF.troisieme, languages: 'lv1-lv2' },
    { formationCode: MEF.troisieme, name: '3e', age: 14, next: MEF.seconde, languages: 'lv1-lv2' },
    { formationCode: MEF.seconde, name: '2nde', age: 15, next: MEF.premiere, languages: 'lv1-lv2' },
    { formationCode: MEF.premiere, name: '1re', age: 16, next: MEF.terminale, languages: 'lv1-lv2' },
    { formationCode: MEF.terminale, name: 'Tle', age: 17, languages: 'lv1-lv2' },
  ],
  classes: [
    { code: '6A', label: '6e A', rectoratCode: '6A', seats: seats([MEF.sixieme, 18]) },
    { code: '6B', label: '6e B', rectoratCode: '6B', seats: seats([MEF.sixieme, 18]) },
    { code: '5A', label: '5e A', rectoratCode: '5A', seats: seats([MEF.cinquieme, 18]) },
    { code: '5B', label: '5e B', rectoratCode: '5B', seats: seats([MEF.cinquieme, 18]) },
    { code: '4A', label: '4e A', rectoratCode: '4A', seats: seats([MEF.quatrieme, 35]) },
    { code: '3A', label: '3e A', rectoratCode: '3A', seats: seats([MEF.troisieme, 34]) },
    { code: '2A', label: '2nde A', rectoratCode: '2NDEA', seats: seats([MEF.seconde, 35]) },
    { code: '1A', label: '1re A', rectoratCode: '1EREA', seats: seats([MEF.premiere, 34]) },
    { code: 'TA', label: 'Tle A', rectoratCode: 'TLEA', seats: seats([MEF.terminale, 33]) },
  ],
};

export const SCHOOLS: readonly SchoolDef[] = [ECOLE, COLLEGE];

export function levelOf(school: SchoolDef, formationCode: string): LevelDef {
  const level = school.levels.find((l) => l.formationCode === formationCode);
  if (!level) throw new Error(`${school.key}: unknown formation ${formationCode}`);
  return level;
}

/** The classes of a year and their seats; `current` is the demo's current year. */
export function classesOf(school: SchoolDef, current: boolean): Array<ClassDef & { yearSeats: Seats[] }> {
  return school.classes
    .filter((c) => current || !c.currentOnly)
    .map((c) => ({ ...c, yearSeats: current ? (c.currentSeats ?? c.seats) : c.seats }));
}
