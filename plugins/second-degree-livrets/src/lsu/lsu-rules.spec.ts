import { PRODUCED_AT, projectsHistory, sampleHistory, snapshotOf, UAI } from '../__fixtures__/sample-school';
import { LSU_XSD_2019, LSU_XSD_2020, xsdErrors } from '../__fixtures__/xsd-validate';
import { lsuExporter } from './lsu-exporter';
import { checkLsuDocument } from './lsu-checks';
import { type LsuDocument } from './lsu-document';
import { mapLsu } from './lsu-mapper';
import { LSU_RULES as R } from './lsu-rules';
import { LSU_SCHEMAS } from './lsu-schemas';
import { writeLsu } from './lsu-writer';

/**
 * One negative test per rule of LSU FORMAT.md (§5, §7, §8, §9, §11): a valid document, mutated
 * the one way the rule forbids, fails the official XSD for that reason and — where the rule is
 * ours to check before the XSD — our pre-export checks too, in French, naming the pupil.
 */

const schema2020 = LSU_SCHEMAS['2020'];
const valid = (): LsuDocument => {
  const mapping = mapLsu(snapshotOf([...sampleHistory(), ...projectsHistory()]), '2025-06-20T10:15:00');
  expect(mapping.anomalies.errors).toEqual([]);
  return structuredClone(mapping.document);
};
const mutated = (change: (doc: LsuDocument) => void): LsuDocument => {
  const doc = valid();
  change(doc);
  return doc;
};
const xml = (doc: LsuDocument) => Buffer.from(writeLsu(doc)).toString('utf8');

describe('LSU: a valid document to start from', () => {
  it('passes our checks and the 2020 XSD', async () => {
    const doc = valid();
    expect(checkLsuDocument(doc, { schema: schema2020 })).toEqual([]);
    expect(await xsdErrors(writeLsu(doc), LSU_XSD_2020)).toEqual([]);
  });
});

describe('LSU: each rule, broken, fails the XSD and our checks for its reason', () => {
  const cases: Array<{ rule: string; change: (doc: LsuDocument) => void; check: [string, RegExp]; xsd: RegExp }> = [
    {
      rule: 'a bilan-cycle holds exactly 8 socle domains (§3.2, §7)',
      change: (d) => d.cycleBilans[0]!.socle.pop(),
      check: [R.socle, /les 8 domaines du socle sont attendus, une fois chacun \(7 présents\)/],
      xsd: /Element '\{urn:fr:edu:scolarite:lsun:bilans:import\}socle': Missing child element/,
    },
    {
      rule: 'id-be is the SIECLE ELEVE_ID, never the INE (§6, §8)',
      change: (d) => (d.pupils[0]!.idBe = '070832327JA'),
      check: [R.eleveId, /« 070832327JA » invalide : l’ELEVE_ID, entier positif, est attendu \(jamais l’INE\)/],
      xsd: /attribute 'id-be': '070832327JA' is not a valid value of the atomic type 'xs:positiveInteger'/,
    },
    {
      rule: 'id-be is unique in the file (§3)',
      change: (d) => (d.pupils[1]!.idBe = d.pupils[0]!.idBe),
      check: [R.eleveId, /identifiant SIECLE 1001 déjà porté par un autre élève/],
      xsd: /Duplicate key-sequence \['1001'\]/,
    },
    {
      rule: 'date-verrou is required in 3.0 (§3.1, §7)',
      change: (d) => delete d.periodicBilans[0]!.lockDate,
      check: [R.dates, /date de verrouillage \(date-verrou\) exigée par le schéma LSU 2020/],
      xsd: /The attribute 'date-verrou' is required but missing/,
    },
    {
      rule: 'no blank synthesis (§5, §7)',
      change: (d) => (d.cycleBilans[0]!.synthesis = '   '),
      check: [R.text, /bilan de fin de cycle 4 : synthèse vide ou faite d’espaces/],
      xsd: /synthese': \[facet 'pattern'\]/,
    },
    {
      rule: 'no whitespace-only text: the council’s synthesis (acquis-conseils)',
      change: (d) => (d.periodicBilans[0]!.advice = ' \n '),
      check: [R.text, /synthèse du conseil de classe \(acquis-conseils\) vide ou faite d’espaces/],
      xsd: /acquis-conseils': \[facet 'pattern'\]/,
    },
    {
      rule: 'no whitespace-only text: a subject’s appraisal',
      change: (d) => (d.periodicBilans[0]!.acquis[0]!.appraisal = '  '),
      check: [R.text, /appréciation vide ou faite d’espaces/],
      xsd: /appreciation': \[facet 'pattern'\]/,
    },
    {
      rule: 'code-division of 20 characters at most (§5, §7)',
      change: (d) => (d.pupils[0]!.division = '3EME-A-BILANGUE-EURO-2'),
      check: [R.division, /code division « 3EME-A-BILANGUE-EURO-2 » : 1 à 20 caractères/],
      xsd: /code-division': \[facet 'maxLength'\]/,
    },
    {
      rule: 'millesime is the start year, 4 characters (§8, §11)',
      change: (d) => (d.cycleBilans[0]!.millesime = '2024-2025'),
      check: [R.dates, /millésime « 2024-2025 »/],
      xsd: /millesime': \[facet 'length'\]/,
    },
    {
      rule: 'an empty appreciation-num is refused: omit it (§5)',
      change: (d) => (d.periodicBilans[0]!.digitalSkills = { appraisal: '', skills: [{ code: 'CN_INF_MEN', level: 2 }] }),
      check: [R.text, /compétences numériques vide, LSU la refuse même vide : omettez-la/],
      xsd: /appreciation-num': \[facet 'pattern'\]/,
    },
    {
      rule: 'ids are NCNames: never starting with a digit (§5)',
      change: (d) => {
        d.pupils[0]!.id = '1001';
        for (const b of [...d.periodicBilans, ...d.cycleBilans]) if (b.pupilRef === 'EL_P1') b.pupilRef = '1001';
      },
      check: [R.ids, /identifiant « 1001 » \(un élève\) invalide : il doit commencer par une lettre/],
      xsd: /'1001' is not a valid value of the atomic type 'xs:ID'/,
    },
    {
      rule: 'ids are unique across the whole document (§5)',
      change: (d) => (d.periods[0]!.id = d.pupils[0]!.id),
      check: [R.ids, /identifiant « EL_P1 » porté par un élève et une période/],
      xsd: /'EL_P1' is not a valid value of the atomic type 'xs:ID'/,
    },
    {
      rule: 'an EPI names at least two disciplines (§5)',
      change: (d) => d.epis[0]!.disciplineRefs.pop(),
      check: [R.project, /EPI EPI_EPI1 : au moins deux disciplines/],
      xsd: /discipline-refs': \[facet 'minLength'\]/,
    },
    {
      rule: 'civilité is M or MME, not « M. » (§4.8, §11)',
      change: (d) => (d.teachers[1]!.civility = 'M.'),
      check: [R.teacher, /civilité « M\. » \(M ou MME\)/],
      xsd: /civilite': \[facet 'enumeration'\]/,
    },
    {
      rule: 'a subject has a 6-character code (§8, §9)',
      change: (d) => (d.disciplines[0]!.code = '20700'),
      check: [R.subject, /code matière « 20700 » de 6 caractères attendu/],
      xsd: /code': \[facet 'length'\]/,
    },
    {
      rule: 'a teacher’s id-sts is STS-web’s numeric id (§8, §9)',
      change: (d) => (d.teachers[0]!.stsId = 'P12345'),
      check: [R.teacher, /identifiant STS « P12345 » non numérique/],
      xsd: /'P12345' is not a valid value of the atomic type 'xs:positiveInteger'/,
    },
    {
      rule: 'vie scolaire counts from 0 to 999 (§3.1, §9)',
      change: (d) => (d.periodicBilans[0]!.schoolLife.lateArrivals = 1000),
      check: [R.counts, /retards 1000 \(entier de 0 à 999\)/],
      xsd: /nb-retards': \[facet 'maxInclusive'\]/,
    },
    {
      rule: 'a bilan-periodique assesses at least one subject (§3.1)',
      change: (d) => (d.periodicBilans[0]!.acquis = []),
      check: [R.acquis, /au moins une matière évaluée/],
      xsd: /liste-acquis': Missing child element/,
    },
    {
      rule: 'a discipline’s label is 40 characters at most (§5)',
      change: (d) => (d.disciplines[0]!.label = 'Français, langue et littérature, expression écrite'),
      check: [R.length, /libellé de 50 caractères : 40 au plus/],
      xsd: /libelle': \[facet 'maxLength'\]/,
    },
  ];

  it.each(cases)('$rule', async ({ change, check: [rule, message], xsd }) => {
    const doc = mutated(change);
    const anomalies = checkLsuDocument(doc, { schema: schema2020 });
    expect(anomalies).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule, severity: 'error', message: expect.stringMatching(message) })]),
    );
    const errors = await xsdErrors(writeLsu(doc), LSU_XSD_2020);
    expect(errors.join('\n')).toMatch(xsd);
  });

  it('every *-ref points into the same file (§5): libxml2 lets a dangling IDREF through, our check stops it', async () => {
    const doc = mutated((d) => (d.periodicBilans[0]!.acquis[0]!.teacherRefs = ['ENS_00000']));
    expect(checkLsuDocument(doc, { schema: schema2020 })).toEqual([
      expect.objectContaining({
        rule: R.ids,
        entity: expect.objectContaining({ id: 'EL_P1' }),
        message: 'référence « ENS_00000 » : enseignant absent du fichier',
      }),
    ]);
    // The server's validator (libxml2) does not resolve IDREFs against IDs in schema validation.
    expect(await xsdErrors(writeLsu(doc), LSU_XSD_2020)).toEqual([]);
  });

  it('names the pupil the broken bilan belongs to', () => {
    const mapping = mapLsu(snapshotOf(), '2025-06-20T10:15:00');
    const doc = structuredClone(mapping.document);
    doc.periodicBilans[1]!.schoolLife.justifiedAbsences = -1;
    expect(checkLsuDocument(doc, { schema: schema2020, pupils: mapping.pupils, year: 2024 })).toEqual([
      expect.objectContaining({
        entity: { kind: 'pupil', id: 'P2', label: 'MÉNARD Noé (3A)' },
        message: expect.stringMatching(/absences justifiées -1/),
      }),
    ]);
  });

  it('the document’s root is in the LSU namespace, as its default namespace (§3, §11)', async () => {
    const text = xml(valid()).replace(' xmlns="urn:fr:edu:scolarite:lsun:bilans:import"', '');
    expect((await xsdErrors(text, LSU_XSD_2020)).join('\n')).toMatch(
      /No matching global declaration available for the validation root/,
    );
  });

  it('donnees children are in the XSD’s order (§3, §8)', async () => {
    const text = xml(valid());
    const heads = /\s*<responsables-etab>[\s\S]*?<\/responsables-etab>/.exec(text)![0];
    const swapped = text.replace(heads, '').replace('</eleves>', `</eleves>${heads}`);
    expect((await xsdErrors(swapped, LSU_XSD_2020)).join('\n')).toMatch(
      /Element '\{urn:fr:edu:scolarite:lsun:bilans:import\}eleves': This element is not expected/,
    );
  });

  it('schemaVersion is 2.0 or 3.0 for this XSD: 13.0 is refused (§2, §7)', async () => {
    const doc = mutated((d) => (d.schemaVersion = '13.0'));
    expect((await xsdErrors(writeLsu(doc), LSU_XSD_2020)).join('\n')).toMatch(
      /schemaVersion': \[facet 'enumeration'\] The value '13.0'/,
    );
  });

  it('appliVersion only where the XSD accepts it: not in the 2019 one (§2.5)', async () => {
    const doc = valid();
    expect(checkLsuDocument(doc, { schema: LSU_SCHEMAS['2019'] })).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: 'le schéma LSU 2019 n’accepte pas appliVersion' })]),
    );
    expect((await xsdErrors(writeLsu(doc), LSU_XSD_2019)).join('\n')).toMatch(/appliVersion': This element is not expected/);
  });

  it('the UAI passes its check key (§9): the XSD only checks the length, our control the letter', () => {
    const snapshot = snapshotOf();
    const wrong = {
      ...snapshot,
      uai: '0750680A',
      pluginStates: Object.fromEntries(Object.entries(snapshot.pluginStates).map(([k, v]) => [k.replace(UAI, '0750680A'), v])),
    };
    expect(
      lsuExporter()
        .plan(wrong)
        .blocking.map((a) => [a.rule, a.message]),
    ).toEqual([[R.uai, 'UAI 0750680A invalide (lettre clé) : LSU refuserait le fichier']]);
  });

  it('the export refuses to build a file its control blocks', async () => {
    const snapshot = snapshotOf(sampleHistory().filter((s) => !s.streamId.startsWith('livret-')));
    await expect(async () => lsuExporter().build(snapshot, { exportId: 'x', producedAt: PRODUCED_AT })).rejects.toThrow(
      /aucun bilan LSU à exporter/,
    );
  });
});
