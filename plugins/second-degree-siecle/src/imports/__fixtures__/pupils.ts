import { type Command } from '@liaison/domain';
import { type StreamHistory } from '@liaison/domain/testing';
import { type SentPupil, type SentSnapshot } from '../../send/send-state';
import { applyCommands, guardian, openedSchool } from './school';

export const UAI = '0750680G';
export const YEAR = 2019;

const register = (pupilId: string, lastName: string, firstName: string, sex: 'M' | 'F', birthDate: string, guardians: unknown[] = []): Command => ({
  type: 'RegisterPupil',
  payload: { uai: UAI, pupilId, lastName, firstName, sex, birthDate, ...(guardians.length > 0 ? { guardians } : {}) },
});
const preEnrol = (pupilId: string): Command => ({ type: 'PreEnrolPupil', payload: { uai: UAI, year: YEAR, pupilId } });

/**
 * Five pupils of 2019-2020 matching the constructed ElevesSansAdresses.xml in different ways:
 * P001 by ID_PRV_ELE, P002 by identity, P003 by INE (already held), P005 by ELEVE_ID (already
 * set); P004 is not in the file. Guardians for the constructed responsables file.
 */
export function lyceeWithPupils(): StreamHistory[] {
  return applyCommands(openedSchool(UAI, YEAR), [
    register('P001', 'Martin', 'Léa', 'F', '2004-03-12', [guardian('G001', 'MME', 'MARTIN', 'Sophie')]),
    register('P002', 'Dupont', 'Hugo', 'M', '2004-07-01', [
      guardian('G002', 'M.', 'DUPONT', 'Marc'),
      { ...guardian('G003', 'MME', 'DURAND', 'Cécile'), usageName: 'DUPONT' },
    ]),
    register('P003', 'Lefèvre', 'Éloïse', 'F', '2003-11-30'),
    { type: 'AssignNationalId', payload: { uai: UAI, pupilId: 'P003', ine: '060375611AC' } },
    register('P004', 'Garcia', 'Inès', 'F', '2004-02-02'),
    register('P005', 'Bœuf', 'Zoé', 'F', '2003-05-05'),
    { type: 'SetPupilSiecleId', payload: { uai: UAI, pupilId: 'P005', eleveId: '2100005' } },
    { type: 'AssignNationalId', payload: { uai: UAI, pupilId: 'P005', ine: '097000000KH' } },
    ...['P001', 'P002', 'P003', 'P004', 'P005'].map(preEnrol),
  ]);
}

export const PRIVATE_IDS = { P001: 1, P002: 2, P003: 3, P004: 4, P005: 5 };

const sent = (p: Omit<SentPupil, 'mefCode' | 'division'> & Partial<SentPupil>): SentPupil => ({ mefCode: '20010018110', division: '2NDE1', ...p });

/** What the last private import sent: P003's division differs in SIECLE, P004 never arrived. */
export const LAST_SEND: SentSnapshot = {
  sendNumber: 2,
  exportId: 'exp-0750680G-2019-siecle.import-prive-40',
  year: YEAR,
  sentAt: '2020-01-20T10:00:00.000Z',
  pupils: [
    sent({ pupilId: 'P001', privateId: 1, lastName: 'Martin', firstName: 'Léa', birthDate: '2004-03-12' }),
    sent({ pupilId: 'P002', privateId: 2, lastName: 'Dupont', firstName: 'Hugo', birthDate: '2004-07-01' }),
    sent({ pupilId: 'P003', privateId: 3, ine: '060375611AC', lastName: 'Lefèvre', firstName: 'Éloïse', birthDate: '2003-11-30', mefCode: '20110019110', division: '1G1' }),
    sent({ pupilId: 'P004', privateId: 4, lastName: 'Garcia', firstName: 'Inès', birthDate: '2004-02-02' }),
    sent({
      pupilId: 'P005',
      privateId: 5,
      eleveId: '2100005',
      ine: '097000000KH',
      lastName: 'Bœuf',
      firstName: 'Zoé',
      birthDate: '2003-05-05',
      mefCode: '20110019110',
      division: '1G-STMG',
      exitDate: '2020-01-15',
    }),
  ],
};
