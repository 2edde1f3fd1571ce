import { type BeeEleve } from '../imports/eleves-file';
import { type SentPupil, type SentSnapshot } from '../send/send-state';
import { reconcile } from './reconcile';
import { describeDifference, reconciliationReport } from './reconciliation-report';

const sentPupil = (p: Partial<SentPupil> & Pick<SentPupil, 'pupilId' | 'privateId'>): SentPupil => ({
  lastName: 'Martin',
  firstName: 'Léa',
  birthDate: '2004-03-12',
  mefCode: '20010018110',
  division: '2NDE1',
  ...p,
});
const filePupil = (p: Partial<BeeEleve> & Pick<BeeEleve, 'position'>): BeeEleve => ({
  eleveId: String(2100000 + p.position),
  lastName: 'MARTIN',
  firstName: 'Léa',
  birthDate: '2004-03-12',
  mefCode: '20010018110',
  division: '2NDE1',
  groups: [],
  options: [],
  ...p,
});
const send = (pupils: SentPupil[]): SentSnapshot => ({ sendNumber: 4, exportId: 'exp-4', year: 2019, sentAt: '', pupils });

describe('reconcile(sent, file)', () => {
  it('is intégré when the file has the pupil we sent with the same data, names compared as SIECLE normalises them', () => {
    const r = reconcile(send([sentPupil({ pupilId: 'P1', privateId: 1, lastName: 'Lefèvre-Dubois', firstName: 'Éloïse' })]), [
      filePupil({ position: 1, privateId: '00001', lastName: 'LEFEVRE DUBOIS', firstName: 'Eloise' }),
    ]);
    expect(r.counts).toEqual({ integrated: 1, different: 0, absentFromSiecle: 0, notSent: 0 });
    expect(r.lines[0]).toMatchObject({ status: 'integrated', matchedBy: 'ID_PRV_ELE', differences: [] });
  });

  it('lists every difference: names, birth date, INE, MEF, division', () => {
    const r = reconcile(
      send([sentPupil({ pupilId: 'P1', privateId: 1, eleveId: '77', ine: '070832327JA', lastName: 'Martin', firstName: 'Léa' })]),
      [
        filePupil({
          position: 1,
          eleveId: '77',
          lastName: 'MARTINEZ',
          firstName: 'Lea',
          birthDate: '2004-03-21',
          nationalId: '060375611AC',
          mefCode: '20110019110',
          division: '1G1',
        }),
      ],
    );
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]?.status).toBe('different');
    expect(r.lines[0]?.matchedBy).toBe('ELEVE_ID');
    expect(r.lines[0]?.differences.map(describeDifference)).toEqual([
      'nom « Martin » envoyé(e), « MARTINEZ » dans SIECLE',
      'date de naissance « 12/03/2004 » envoyé(e), « 21/03/2004 » dans SIECLE',
      'INE « 070832327JA » envoyé(e), « 060375611AC » dans SIECLE',
      'MEF « 20010018110 » envoyé(e), « 20110019110 » dans SIECLE',
      'division « 2NDE1 » envoyé(e), « 1G1 » dans SIECLE',
    ]);
  });

  it('reports a schooling SIECLE dropped (no MEF, no division) for a pupil sent as enrolled, not for one sent as leaving', () => {
    const r = reconcile(
      send([
        sentPupil({ pupilId: 'P1', privateId: 1 }),
        sentPupil({ pupilId: 'P2', privateId: 2, firstName: 'Noé', exitDate: '2020-01-10' }),
      ]),
      [
        filePupil({ position: 1, privateId: '1', mefCode: undefined, division: undefined }),
        filePupil({
          position: 2,
          privateId: '2',
          firstName: 'Noé',
          mefCode: undefined,
          division: undefined,
          exitDate: '2020-01-10',
        }),
      ],
    );
    expect(r.lines.map((l) => [l.sent?.pupilId, l.status, l.differences.map((d) => d.field)])).toEqual([
      ['P1', 'different', ['mef', 'division']],
      ['P2', 'integrated', []],
    ]);
  });

  it('does not count an INE SIECLE gave to a pupil we sent without one as a difference', () => {
    const r = reconcile(send([sentPupil({ pupilId: 'P1', privateId: 1 })]), [
      filePupil({ position: 1, privateId: '1', nationalId: '070832327JA' }),
    ]);
    expect(r.lines[0]?.status).toBe('integrated');
  });

  it('sorts sent pupils missing from the file as absent de SIECLE, and the file’s others as not sent', () => {
    const r = reconcile(
      send([sentPupil({ pupilId: 'P1', privateId: 1 }), sentPupil({ pupilId: 'P2', privateId: 2, firstName: 'Hugo' })]),
      [filePupil({ position: 1, privateId: '1' }), filePupil({ position: 2, firstName: 'Noé', exitDate: '2019-10-01' })],
    );
    expect(r.lines.map((l) => [l.status, l.sent?.pupilId ?? l.file?.eleveId])).toEqual([
      ['integrated', 'P1'],
      ['absentFromSiecle', 'P2'],
      ['notSent', '2100002'],
    ]);
    const report = reconciliationReport(r);
    expect(report.rows.map((row) => [row.ref, row.outcome, row.message])).toEqual([
      [
        'contrôle de l’envoi n° 4 — ID_PRV_ELE 1',
        'unchanged',
        'intégré : dans SIECLE comme dans l’envoi n° 4 (rapproché par ID_PRV_ELE)',
      ],
      [
        'contrôle de l’envoi n° 4 — ID_PRV_ELE 2',
        'unmatched',
        'absent de SIECLE : envoyé dans l’envoi n° 4 mais absent du fichier — voyez le compte rendu de l’import du privé',
      ],
      [
        'contrôle de l’envoi n° 4 — ELEVE_ID 2100002',
        'unmatched',
        'présent dans SIECLE mais pas dans notre envoi n° 4 (sorti(e) le 01/10/2019 dans SIECLE)',
      ],
    ]);
    expect(report.notes).toEqual([
      'Contrôle de l’intégration de l’envoi n° 4 : 1 intégré(s), 0 avec des données différentes, 1 absent(s) de SIECLE, 1 présent(s) dans SIECLE mais pas dans l’envoi',
    ]);
  });

  it('never pairs by guess: two sent pupils with the same identity stay unpaired, with the reason', () => {
    const twins = [sentPupil({ pupilId: 'P1', privateId: 1 }), sentPupil({ pupilId: 'P2', privateId: 2 })];
    const r = reconcile(send(twins), [filePupil({ position: 1 })]);
    expect(r.counts).toEqual({ integrated: 0, different: 0, absentFromSiecle: 2, notSent: 1 });
    expect(r.lines[2]?.remark).toBe(
      'plusieurs élèves de l’envoi correspondent par nom, prénom et date de naissance (ID_PRV_ELE 1, 2) : non rapproché',
    );
  });

  it('is pure: the same inputs give the same result, and nothing is modified', () => {
    const sent = send([sentPupil({ pupilId: 'P1', privateId: 1 })]);
    const file = [filePupil({ position: 1, privateId: '1' })];
    const copy = JSON.stringify([sent, file]);
    expect(reconcile(sent, file)).toEqual(reconcile(sent, file));
    expect(JSON.stringify([sent, file])).toBe(copy);
  });
});
