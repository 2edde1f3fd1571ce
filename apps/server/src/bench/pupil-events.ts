import {
  GuardianAdded,
  GuardianLinkCorrected,
  NationalIdAssigned,
  PupilClassChanged,
  PupilEnrolled,
  PupilIdentityCorrected,
  PupilLanguagesSet,
  PupilRegistered,
  PupilSchoolingSet,
  PupilSiecleIdSet,
} from '@liaison/events';
import { pick } from './prng';

/**
 * Data of the core pupil events the generated log holds, shaped by their catalogue schemas
 * (the generator checks one of each against them): what a SIECLE import and then the
 * secretariat's day-to-day corrections write on `pupil-<UAI>-<id>` streams.
 */
export interface BenchEvent {
  type: string;
  data: Record<string, unknown>;
}

export interface PupilRef {
  uai: string;
  pupilId: string;
  /** Stable per pupil: index in the generated population. */
  n: number;
}

export const SCHOOL_YEAR = 2025;
const LAST_NAMES = [
  'MARTIN',
  'BERNARD',
  'DUBOIS',
  'THOMAS',
  'ROBERT',
  'RICHARD',
  'PETIT',
  'DURAND',
  'LEROY',
  'MOREAU',
  'SIMON',
  'LAURENT',
  'LEFÈVRE',
  'MICHEL',
  'GARCIA',
  'N’DIAYE',
];
const FIRST_NAMES = [
  'Léa',
  'Hugo',
  'Chloé',
  'Louis',
  'Emma',
  'Gabriel',
  'Inès',
  'Raphaël',
  'Jade',
  'Arthur',
  'Zoé',
  'Adam',
  'Lina',
  'Nathan',
  'Manon',
  'Yanis',
];
const CLASSES = ['6A', '6B', '6C', '5A', '5B', '4A', '4B', '3A', '3B', '2A', '2B', '1A', 'TA'];
const CITIES = ['PARIS', 'LYON', 'NANTES', 'LILLE', 'RENNES', 'BORDEAUX', 'TOULOUSE', 'STRASBOURG'];
const LINKS = ['MERE', 'PERE', 'TUTEUR'];

const ref = (p: PupilRef) => ({ uai: p.uai, pupilId: p.pupilId });
const yearRef = (p: PupilRef) => ({ uai: p.uai, pupilId: p.pupilId, year: SCHOOL_YEAR });
const guardianId = (p: PupilRef, k: number) => `R${String(p.n).padStart(7, '0')}${k}`;
const day = (random: () => number) => String(1 + Math.floor(random() * 28)).padStart(2, '0');

/** The import of one pupil: identity, INE, SIECLE id, enrolment, one or two guardians. */
export function importedPupil(p: PupilRef, random: () => number): BenchEvent[] {
  const events: BenchEvent[] = [
    {
      type: PupilRegistered.type,
      data: {
        ...ref(p),
        lastName: pick(random, LAST_NAMES),
        firstName: pick(random, FIRST_NAMES),
        sex: random() < 0.5 ? 'F' : 'M',
        birthDate: `20${10 + Math.floor(random() * 8)}-0${1 + Math.floor(random() * 9)}-${day(random)}`,
        birthPlace: { country: '100', city: pick(random, CITIES) },
        nationality: '100',
      },
    },
    { type: NationalIdAssigned.type, data: { ...ref(p), ine: `${String(100_000_000 + p.n).padStart(10, '0')}K` } },
    { type: PupilSiecleIdSet.type, data: { ...ref(p), eleveId: String(3_000_000 + p.n) } },
    {
      type: PupilEnrolled.type,
      data: { ...yearRef(p), classCode: pick(random, CLASSES), entryDate: `${SCHOOL_YEAR}-09-01`, formationCode: '10010012110' },
    },
    guardianLink(p, 1),
  ];
  if (random() < 0.6) events.push(guardianLink(p, 2));
  return events;
}

function guardianLink(p: PupilRef, k: number): BenchEvent {
  return {
    type: GuardianAdded.type,
    data: {
      ...ref(p),
      guardianId: guardianId(p, k),
      link: LINKS[k - 1]!,
      legalLevel: 1,
      parentalAuthority: true,
      livesWith: true,
    },
  };
}

/** One correction by the school staff, of a kind drawn at random. */
export function editedPupil(p: PupilRef, random: () => number): BenchEvent {
  const r = random();
  if (r < 0.25) {
    const from = pick(random, CLASSES);
    return {
      type: PupilClassChanged.type,
      data: {
        ...yearRef(p),
        classCode: pick(random, CLASSES),
        date: `${SCHOOL_YEAR}-11-${day(random)}`,
        previousClassCode: from,
      },
    };
  }
  if (r < 0.45) {
    return {
      type: PupilSchoolingSet.type,
      data: { ...yearRef(p), regime: pick(random, ['EXTERNE', 'DP DAN 4', 'INTERNE']), statut: 'ST', transport: random() < 0.3 },
    };
  }
  if (r < 0.65) {
    return {
      type: PupilLanguagesSet.type,
      data: { ...yearRef(p), lv1: '030201', lv2: pick(random, ['030601', '030401', '031201']) },
    };
  }
  if (r < 0.85) {
    return {
      type: PupilIdentityCorrected.type,
      data: { ...ref(p), changes: { firstName: pick(random, FIRST_NAMES), usageName: pick(random, LAST_NAMES) } },
    };
  }
  return {
    type: GuardianLinkCorrected.type,
    data: { ...ref(p), guardianId: guardianId(p, 1), changes: { livesWith: random() < 0.5, parentalAuthority: true } },
  };
}
