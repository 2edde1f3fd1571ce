import { LSU_XSD_2020, LSU_XSD_7, referenceFile, xsdErrors } from '../__fixtures__/xsd-validate';
import { XmlReadError } from '../xml/xml-read';
import { readLsu } from './lsu-reader';
import { writeLsu } from './lsu-writer';

const sample = () => referenceFile('lsu', 'sample-bilan-complet.xml');
const constructed = () => referenceFile('lsu', 'constructed-minimal-bilan-cycle.xml');

describe('reading LSU files back into the model', () => {
  it('reads the ministry sample: every block the model covers', () => {
    const doc = readLsu(sample());
    expect(doc.schemaVersion).toBe('2.0');
    expect(doc.header).toEqual({
      editor: 'ÉDITEUR',
      application: 'LOGICIEL',
      applicationVersion: 'V1.0',
      establishment: '0382032C',
    });
    expect(doc.heads.map((h) => h.label)).toEqual(['Joseph SERGI', 'Catherine NAOWEL']);
    expect(doc.pupils[0]).toEqual({ id: 'EL_01', idBe: '1', lastName: 'Grenelle', firstName: 'Victor', division: '6EME_4' });
    expect(doc.periods).toHaveLength(3);
    expect(doc.disciplines.find((d) => d.id === 'DI_100100')).toEqual({
      id: 'DI_100100',
      code: '100A00',
      nationalCode: '100100',
      electionMode: 'S',
      label: 'EPS',
    });
    expect(doc.teachers.map((t) => t.type)).toEqual(expect.arrayContaining(['epp', 'local', 'dir', 'autre']));
    expect(doc.programmeElements).toHaveLength(15);
    expect(doc.digitalSkillsCommons.map((c) => c.structureType)).toEqual(['D', 'G']);
    expect(doc.commonParcours).toHaveLength(2);
    expect(doc.commonSchoolLife).toHaveLength(2);
    expect(doc.epiThemes).toEqual([{ code: 'EPI_TST', label: 'Ma thématique EPI de test' }]);
    expect(doc.epis.map((e) => e.disciplineRefs.length)).toEqual([2, 2, 2]);
    expect(doc.epiGroups).toHaveLength(4);
    expect(doc.aps).toHaveLength(2);
    expect(doc.apGroups).toHaveLength(3);
    expect(doc.periodicBilans).toHaveLength(5);
    const first = doc.periodicBilans[0]!;
    expect(first.acquis[0]).toMatchObject({ disciplineRef: 'DI_020700', notGraded: true, classAverage: '10/20' });
    expect(first.digitalSkills?.skills).toHaveLength(5);
    expect(first.accompaniments.find((a) => a.code === 'PPRE')?.ppre).toBe('Complément de la modalité PPRE');
    expect(first.schoolLife).toEqual({
      lateArrivals: 30,
      justifiedAbsences: 12,
      unjustifiedAbsences: 3,
      missedHours: 37,
      comment: "Commentaire de vie scolaire de l'élève 1 pour la période 1",
    });
    expect(first.socle).toHaveLength(8);
    expect(first.guardians[0]?.address?.postalCode).toBe('38036');
    expect(doc.cycleBilans.map((b) => [b.cycle, b.complement?.code, b.regionalLanguage?.code])).toEqual([
      [3, 'AUC', 'AUC'],
      [3, 'AUC', 'AUC'],
      [4, 'PRO', 'BAQ'],
    ]);
  });

  it.each([
    ['sample-bilan-complet.xml', sample],
    ['constructed-minimal-bilan-cycle.xml', constructed],
  ])('reads %s, writes it and reads it again without loss', (_name, file) => {
    const doc = readLsu(file());
    const again = readLsu(writeLsu(doc));
    expect(again).toEqual(doc);
  });

  it.each([
    ['sample-bilan-complet.xml', sample],
    ['constructed-minimal-bilan-cycle.xml', constructed],
  ])('writes %s back as a file the 2020 and 7.0 XSDs accept', async (_name, file) => {
    const written = writeLsu(readLsu(file()));
    expect(await xsdErrors(written, LSU_XSD_2020)).toEqual([]);
    expect(await xsdErrors(written, LSU_XSD_7)).toEqual([]);
  });

  it('refuses a file that is not LSU, saying why', () => {
    expect(() => readLsu(new TextEncoder().encode('<?xml version="1.0"?><lsl xmlns="urn:x"/>'))).toThrow(XmlReadError);
    expect(() => readLsu(new TextEncoder().encode('<?xml version="1.0"?><a>'))).toThrow(/espace de noms/);
    expect(() =>
      readLsu(new TextEncoder().encode('<?xml version="1.0"?><lsun-bilans xmlns="urn:fr:edu:scolarite:lsun:bilans:import">')),
    ).toThrow(/mal formé/);
  });
});
