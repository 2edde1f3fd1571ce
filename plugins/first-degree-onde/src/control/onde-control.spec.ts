import { type Anomaly, type ControlReport, type PupilState, type SchoolSnapshot } from '@liaison/domain';
import { brokenSample, sampleSnapshot, YEAR } from '../__fixtures__/sample-school';
import { labelTables } from '../options';
import { runOndeControl } from './onde-control';
import { RULES } from './rule-ids';

const run = (snapshot: SchoolSnapshot): ControlReport => runOndeControl(snapshot, labelTables()).report;
const pupil = (s: SchoolSnapshot, id: string): PupilState => s.pupils.find((p) => p.pupilId === id)!;
const klass = (s: SchoolSnapshot, code: string) => s.classes.find((c) => c.classCode === code)!;
const yearOf = (s: SchoolSnapshot, id: string) => pupil(s, id).years[YEAR]!;

/** The anomalies of one rule, as « entity id / field / severity ». */
function found(report: ControlReport, rule: string): string[] {
  return report.anomalies
    .filter((a: Anomaly) => a.rule === rule)
    .map((a) => `${a.entity.kind}:${a.entity.id} ${a.field ?? '-'} ${a.severity}`);
}
const messagesOf = (report: ControlReport, rule: string) => report.anomalies.filter((a) => a.rule === rule).map((a) => a.message);

/** Every rule passes on the sample school: it only has the warning of a missing INE. */
const sample = run(sampleSnapshot());

describe('the ONDE control on a compliant school', () => {
  it('finds no error, checks enrolled and exited pupils, lists the others apart', () => {
    expect(sample.anomalies.filter((a) => a.severity === 'error')).toEqual([]);
    expect(found(sample, RULES.ineMissing)).toEqual(['pupil:E002 ine warning']);
    expect(sample.counts).toEqual({ checked: 4, compliant: 4, nonCompliant: 0, excluded: 2 });
    expect(sample.excluded).toEqual([
      { pupilId: 'E005', label: 'BERNARD Inès', reason: 'sans classe : ne sera pas exporté' },
      { pupilId: 'E006', label: 'ROUX Noé (CP Mme Lefort)', reason: 'préinscrit, non exporté' },
    ]);
    expect(sample).toMatchObject({ controlId: 'first-degree-onde', uai: '0754321P', year: YEAR });
  });

  it('labels pupils « NOM Prénom (classe) »', () => {
    expect(sample.anomalies[0]!.entity.label).toBe("N'DIAYE Moussa (CE2-CM1 M. Hervé)");
  });
});

describe('rule by rule, each failing case', () => {
  it('establishment: registered, first degree, valid UAI', () => {
    const unknown = brokenSample();
    unknown.establishment = { registered: false };
    expect(found(run(unknown), RULES.establishment)).toEqual(['establishment:0754321P - error']);
    const second = brokenSample();
    second.establishment.degree = 'second';
    expect(found(run(second), RULES.establishment)).toEqual(['establishment:0754321P degree error']);
    const badUai = brokenSample();
    badUai.uai = '0754321A';
    expect(found(run(badUai), RULES.establishment)).toEqual(['establishment:0754321A uai error']);
    // An establishment error makes every checked pupil non compliant: it blocks them all.
    expect(run(second).counts).toMatchObject({ checked: 4, nonCompliant: 4, compliant: 0 });
  });

  it('class: code rectorat, contract type, class type, formations (classes with exported pupils only)', () => {
    const s = brokenSample();
    delete klass(s, 'CP').rectoratCode;
    delete klass(s, 'CP').contractType;
    delete klass(s, 'MS').classType;
    klass(s, 'CE2CM1').classType = 'inconnu';
    // An empty, half set-up class is not in the file: not checked.
    s.classes.push({ created: true, uai: s.uai, year: YEAR, classCode: 'VIDE', label: 'Vide', formations: [] });
    const report = run(s);
    expect(found(report, RULES.classRectoratCode)).toEqual(['class:CP rectoratCode error']);
    expect(found(report, RULES.classContract)).toEqual(['class:CP contractType error']);
    expect(found(report, RULES.classType)).toEqual(['class:CE2CM1 classType error', 'class:MS classType error']);
    expect(messagesOf(report, RULES.classType)[0]).toMatch(/absent de la nomenclature/);
    expect(report.anomalies.some((a) => a.entity.id === 'VIDE')).toBe(false);
    // Pupils of a faulty class are non compliant too: the export is blocked for them.
    expect(report.counts).toMatchObject({ nonCompliant: 4 });
  });

  it('class: at least one formation', () => {
    const s = brokenSample();
    klass(s, 'MS').formations = [];
    expect(found(run(s), RULES.classFormation)).toEqual(['class:MS formations error']);
  });

  it('class labels are distinct (the guardians file names classes by label)', () => {
    const s = brokenSample();
    klass(s, 'MS').label = 'cp mme LEFORT';
    expect(found(run(s), RULES.classLabelUnique)).toEqual(['class:CP label error', 'class:MS label error']);
  });

  it('pupil: the class exists and the entry date is known', () => {
    const s = brokenSample();
    yearOf(s, 'E004').classCode = 'ZZ';
    delete yearOf(s, 'E001').entryDate;
    expect(found(run(s), RULES.pupilClass)).toEqual([
      `pupil:E001 years.${YEAR}.entryDate error`,
      `pupil:E004 years.${YEAR}.classCode error`,
    ]);
  });

  it('pupil of a multi-level class: own formation, among the class’s', () => {
    const s = brokenSample();
    delete yearOf(s, 'E002').formationCode;
    yearOf(s, 'E004').formationCode = 'GS';
    const report = run(s);
    expect(found(report, RULES.pupilFormation)).toEqual([
      `pupil:E002 years.${YEAR}.formationCode error`,
      `pupil:E004 years.${YEAR}.formationCode error`,
    ]);
    expect(messagesOf(report, RULES.pupilFormation)).toEqual([
      'classe à plusieurs niveaux (CE2, CM1) : indiquez le niveau de l’élève dans sa fiche',
      'niveau GS absent des formations de la classe (MS) : corrigez le niveau de l’élève ou les formations de la classe',
    ]);
  });

  it('pupil: a level that gives no cycle is refused', () => {
    const s = brokenSample();
    klass(s, 'MS').formations = ['XYZ'];
    expect(found(run(s), RULES.pupilLevel)).toEqual([`pupil:E004 years.${YEAR}.formationCode error`]);
  });

  it('identity: names, sex and birth date', () => {
    const s = brokenSample();
    const identity = pupil(s, 'E001').identity! as unknown as Record<string, unknown>;
    identity.lastName = ' ';
    delete identity.sex;
    identity.birthDate = '2020-02-30';
    delete (pupil(s, 'E004').identity as unknown as Record<string, unknown>).firstName;
    expect(found(run(s), RULES.identity)).toEqual([
      'pupil:E001 identity.lastName error',
      'pupil:E001 identity.sex error',
      'pupil:E001 identity.birthDate error',
      'pupil:E004 identity.firstName error',
    ]);
  });

  it('birth place: country, and department and commune when born in France', () => {
    const s = brokenSample();
    delete pupil(s, 'E001').identity!.birthPlace;
    pupil(s, 'E004').identity!.birthPlace = { country: '100', communeCode: '75056' };
    pupil(s, 'E002').identity!.birthPlace = { country: '999' };
    const report = run(s);
    expect(found(report, RULES.birthPlace)).toEqual([
      'pupil:E002 identity.birthPlace.country error',
      'pupil:E002 identity.birthPlace.city error',
      'pupil:E001 identity.birthPlace error',
      'pupil:E004 identity.birthPlace.department error',
      'pupil:E004 identity.birthPlace.city error',
    ]);
    expect(messagesOf(report, RULES.birthPlace)).toContain(
      'commune de naissance manquante : indiquez son nom (le code INSEE 75056 ne suffit pas : le fichier porte le nom de la commune)',
    );
  });

  it('previous school: its UAI when the pupil was at another school last year', () => {
    const s = brokenSample();
    pupil(s, 'E001').identity!.previousSchool = { provenance: '2', department: '093' };
    pupil(s, 'E004').identity!.previousSchool = { provenance: '7' }; // a foreign school has no UAI
    pupil(s, 'E003').identity!.previousSchool = { uai: '0931434A' };
    expect(found(run(s), RULES.previousSchool)).toEqual([
      'pupil:E003 identity.previousSchool.uai error',
      'pupil:E001 identity.previousSchool.uai error',
    ]);
    // Enrolled here last year: ONDE already knows where the pupil was.
    pupil(s, 'E001').years[YEAR - 1] = {
      status: 'inscrit',
      classCode: 'GS',
      entryDate: '2025-09-01',
      dispositifs: [],
      schooling: {},
    };
    pupil(s, 'E003').identity!.previousSchool = { uai: s.uai };
    expect(found(run(s), RULES.previousSchool)).toEqual([]);
  });

  it('guardians: at least one legal guardian (contacts do not count)', () => {
    const s = brokenSample();
    pupil(s, 'E003').guardians = {};
    pupil(s, 'E004').guardians = { G6: { link: '39', legalLevel: 3, parentalAuthority: false } };
    const report = run(s);
    expect(found(report, RULES.guardianMissing)).toEqual(['pupil:E003 guardians error', 'pupil:E004 guardians error']);
    expect(messagesOf(report, RULES.guardianMissing)[1]).toMatch(/les personnes à contacter ne sont pas des responsables/);
  });

  it('guardians: complete person (civility, names, address, postcode in France, known country)', () => {
    const s = brokenSample();
    delete s.guardians.G1!.person!.address.postalCode;
    s.guardians.G3!.person!.address.country = '999';
    delete s.guardians.G4;
    const report = run(s);
    expect(found(report, RULES.guardianIncomplete)).toEqual([
      'pupil:E002 guardians.G3.address.country error',
      'pupil:E002 guardians.G4 error',
      'pupil:E001 guardians.G1.address.postalCode error',
      'pupil:E004 guardians.G1.address.postalCode error',
    ]);
    expect(messagesOf(report, RULES.guardianIncomplete)[2]).toBe(
      'responsable LEFÈVRE Hélène (mère) : code postal manquant (adresse en France)',
    );
  });

  it('guardians: a known link', () => {
    const s = brokenSample();
    pupil(s, 'E001').guardians.G1!.link = '';
    pupil(s, 'E004').guardians.G2!.link = '99';
    expect(found(run(s), RULES.guardianLink)).toEqual([
      'pupil:E001 guardians.G1.link error',
      'pupil:E004 guardians.G2.link error',
    ]);
  });

  it('parental authority: given, and held by at least one legal representative', () => {
    const s = brokenSample();
    delete (pupil(s, 'E003').guardians.G5 as unknown as Record<string, unknown>).parentalAuthority;
    pupil(s, 'E001').guardians.G1!.parentalAuthority = false;
    pupil(s, 'E001').guardians.G2!.parentalAuthority = false;
    pupil(s, 'E004').guardians.G2!.parentalAuthority = false;
    const report = run(s);
    expect(found(report, RULES.parentalAuthority)).toEqual([
      'pupil:E003 guardians.G5.parentalAuthority error',
      'pupil:E001 guardians.G1.parentalAuthority error',
      'pupil:E004 guardians.G2.parentalAuthority warning',
    ]);
    expect(messagesOf(report, RULES.parentalAuthority)[1]).toBe(
      'aucun représentant légal n’a l’autorité parentale (responsable LEFÈVRE Hélène (mère), responsable LEFÈVRE François (père)) : indiquez qui la détient',
    );
  });

  it('guardians: the same person entered twice', () => {
    const s = brokenSample();
    s.guardians.G7 = structuredClone(s.guardians.G1!);
    s.guardians.G7.guardianId = 'G7';
    s.guardians.G7.person!.lastName = 'LEFEVRE';
    delete pupil(s, 'E004').guardians.G1;
    pupil(s, 'E004').guardians.G7 = { link: '10', legalLevel: 1, parentalAuthority: true };
    const report = run(s);
    expect(found(report, RULES.guardianDuplicate)).toEqual(['pupil:E004 guardians.G7 error']);
    expect(messagesOf(report, RULES.guardianDuplicate)[0]).toMatch(/même personne que le responsable G1/);
  });

  it('languages: an LV1 from cycle 2, codes of the year’s nomenclature', () => {
    const s = brokenSample();
    delete yearOf(s, 'E001').lv1;
    yearOf(s, 'E002').lv2 = 'KLI';
    const report = run(s);
    expect(found(report, RULES.languages)).toEqual([`pupil:E002 years.${YEAR}.lv2 error`, `pupil:E001 years.${YEAR}.lv1 error`]);
    // E004 is in MS (cycle 1): no language required.
    expect(report.anomalies.some((a) => a.entity.id === 'E004' && a.rule === RULES.languages)).toBe(false);
  });

  it('languages: the cycle comes from the year’s formation entry first', () => {
    const s = brokenSample();
    delete yearOf(s, 'E001').lv1;
    s.schoolYear.formations.CP = { code: 'CP', label: 'Cours préparatoire', cycle: '1' };
    const report = run(s);
    expect(found(report, RULES.languages)).toEqual([]);
    expect(found(report, RULES.cycleLevel)).toEqual(['establishment:0754321P schoolYear.formations.CP.cycle warning']);
  });

  it('dispositifs: unknown codes warn, ULIS and UPE2A pass', () => {
    const s = brokenSample();
    yearOf(s, 'E001').dispositifs = ['SEGPA'];
    expect(found(run(s), RULES.dispositifs)).toEqual([`pupil:E001 years.${YEAR}.dispositifs warning`]);
  });

  it('INE: missing or failing its key warns', () => {
    const s = brokenSample();
    pupil(s, 'E001').ine = '070832327JB';
    pupil(s, 'E004').ine = '1234A12345F';
    pupil(s, 'E002').ine = '123456789FJ';
    const report = run(s);
    expect(found(report, RULES.ineMissing)).toEqual([]);
    expect(found(report, RULES.ineKey)).toEqual(['pupil:E001 ine warning', 'pupil:E004 ine warning']);
    expect(messagesOf(report, RULES.ineKey)[0]).toMatch(/clé INE-RNIE attendue est « JA »/);
    expect(report.counts.nonCompliant).toBe(0);
  });

  it('(family name, first name, class label) identifies one pupil', () => {
    const s = brokenSample();
    pupil(s, 'E002').identity!.lastName = 'MARTIN';
    pupil(s, 'E002').identity!.firstName = 'lucas';
    expect(found(run(s), RULES.pupilUnique)).toEqual([
      'pupil:E002 identity.firstName error',
      'pupil:E003 identity.firstName error',
    ]);
  });

  it('cycle and level plausibility warn', () => {
    const s = brokenSample();
    pupil(s, 'E001').identity!.birthDate = '2015-01-01';
    klass(s, 'MS').formations = ['CLIS'];
    s.schoolYear.formations.CLIS = { code: 'CLIS', label: 'Classe d’inclusion scolaire', cycle: '2' };
    yearOf(s, 'E004').lv1 = 'ENG';
    const report = run(s);
    expect(found(report, RULES.cycleLevel)).toEqual([
      `pupil:E001 identity.birthDate warning`,
      `pupil:E004 years.${YEAR}.formationCode warning`,
    ]);
    expect(report.anomalies.filter((a) => a.severity === 'error')).toEqual([]);
  });

  it('typographic punctuation is no anomaly; a letter outside Latin-9 in an address line is blamed on that line', () => {
    const s = brokenSample();
    s.guardians.G3!.person!.address.line1 = '3 rue de l’Église — escalier C…';
    s.guardians.G3!.person!.address.line2 = 'chez Mme Wałęsa';
    const report = run(s);
    expect(found(report, RULES.latin9)).toEqual(['pupil:E002 guardians.G3.address.line2 error']);
  });

  it('characters ISO-8859-15 cannot hold, on the record where they were typed', () => {
    const s = brokenSample();
    pupil(s, 'E001').identity!.firstName = 'Łucja';
    s.guardians.G5!.person!.lastName = 'Nguyễn';
    klass(s, 'MS').label = 'MS « étoile » ★';
    const report = run(s);
    expect(found(report, RULES.latin9)).toEqual([
      'pupil:E001 identity.firstName error',
      'class:MS label error',
      'pupil:E003 guardians.G5.lastName error',
    ]);
    // A guardian's field written in both files is reported once per pupil and field.
    expect(report.anomalies.filter((a) => a.field === 'guardians.G5.lastName')).toHaveLength(1);
    expect(messagesOf(report, RULES.latin9)[0]).toBe(
      'caractère « Ł » (U+0141) impossible à écrire dans le fichier ONDE (ISO-8859-15), colonne « Prénom élève » : remplacez-le (ex. « ł » par « l »)',
    );
  });
});
