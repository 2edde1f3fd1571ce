import { snapshotOf } from '../__fixtures__/sample-school';
import { LSL_XSD_2015, LSL_XSD_2016, xsdErrors } from '../__fixtures__/xsd-validate';
import { checkLslDocument } from './lsl-checks';
import { type LslDocument } from './lsl-document';
import { mapLsl } from './lsl-mapper';
import { LSL_RULES as R } from './lsl-rules';
import { LSL_SCHEMAS } from './lsl-schemas';
import { writeLsl } from './lsl-writer';

/**
 * One negative test per rule of LSL FORMAT.md (§3, §4, §6, §7, §10): a valid document, mutated
 * the one way the rule forbids, fails the XSD for that reason, or — where the XSD lets it
 * through (a blank appraisal) — our pre-export checks.
 */

const schema = LSL_SCHEMAS['2016'];
const valid = (): LslDocument => {
  const mapping = mapLsl(snapshotOf());
  expect(mapping.anomalies.errors).toEqual([]);
  return structuredClone(mapping.document);
};
const mutated = (change: (doc: LslDocument) => void) => {
  const doc = valid();
  change(doc);
  return doc;
};
const evaluation = (d: LslDocument) => d.pupils[0]!.schoolYears[0]!.evaluations[0]!;
const xml = (doc: LslDocument) => Buffer.from(writeLsl(doc)).toString('utf8');

describe('LSL: each rule, broken, fails the XSD or our checks for its reason', () => {
  it('a valid document passes both', async () => {
    expect(checkLslDocument(valid(), { schema })).toEqual([]);
    expect(await xsdErrors(writeLsl(valid()), LSL_XSD_2016)).toEqual([]);
  });

  const cases: Array<{ rule: string; change: (doc: LslDocument) => void; check?: [string, RegExp]; xsd: RegExp }> = [
    {
      rule: 'an empty annual appraisal (§7)',
      change: (d) => (evaluation(d).annual = ''),
      check: [R.annual, /appréciation annuelle vide/],
      xsd: /annuelle': \[facet 'minLength'\]/,
    },
    {
      rule: 'a code-matiere of 5 digits (§6, §7)',
      change: (d) => (evaluation(d).subjectCode = '20700'),
      check: [R.subject, /code matière de 6 chiffres attendu/],
      xsd: /code-matiere': \[facet 'pattern'\]/,
    },
    {
      rule: 'an evaluation without teachers: enseignants is required (§6, §7)',
      change: (d) => (evaluation(d).teachers = []),
      check: [R.teacher, /aucun enseignant \(enseignants est obligatoire\)/],
      xsd: /enseignants': Missing child element/,
    },
    {
      rule: 'eleve/@id is the SIECLE ELEVE_ID, never the INE (§6)',
      change: (d) => (d.pupils[0]!.id = '070832327JA'),
      check: [R.eleveId, /l’ELEVE_ID de SIECLE, entier positif, est attendu \(jamais l’INE\)/],
      xsd: /'070832327JA' is not a valid value of the atomic type 'xs:positiveInteger'/,
    },
    {
      rule: 'schemaVersion is fixed to 1.0 (§4, §10)',
      change: (d) => (d.schemaVersion = '2.0'),
      check: [R.decimal, /schemaVersion « 2.0 » : 1.0 attendu/],
      xsd: /schemaVersion': The value '2.0' does not match the fixed value constraint '1.0'/,
    },
    {
      rule: 'decimals have 2 fraction digits at most, with a point (§6, §10)',
      change: (d) => (evaluation(d).periods[0]!.average = '12.125'),
      check: [R.decimal, /moyenne « 12.125 » \(point décimal, 2 décimales au plus\)/],
      xsd: /moyenne': \[facet 'fractionDigits'\]/,
    },
    {
      rule: 'a comma is not a decimal separator (§6)',
      change: (d) => (evaluation(d).structure.average = '14,25'),
      check: [R.decimal, /moyenne de la classe « 14,25 »/],
      xsd: /'14,25' is not a valid value of the atomic type '\{urn:ac-grenoble\.fr:lsl:import\}decimal2Scale'/,
    },
    {
      rule: 'modalite-election is O, F or S only (§5.4)',
      change: (d) => (evaluation(d).electionMode = 'L'),
      check: [R.mode, /modalité « L » \(O, F ou S\)/],
      xsd: /modalite-election': \[facet 'enumeration'\]/,
    },
    {
      rule: 'annee-scolaire is the start year (§6, §10)',
      change: (d) => (d.pupils[0]!.schoolYears[0]!.year = '2024-2025'),
      check: [R.periods, /année scolaire de début sur 4 chiffres attendue/],
      xsd: /'2024-2025' is not a valid value of the atomic type/,
    },
    {
      rule: 'a competence is cited once per evaluation (§4)',
      change: (d) => (evaluation(d).competences[1]!.code = '0001'),
      check: [R.competence, /compétence 0001 citée deux fois/],
      xsd: /Duplicate key-sequence \['0001'\]/,
    },
    {
      rule: 'engagement codes are C, V, A, E, S (§5.1)',
      change: (d) => (d.pupils[0]!.engagements!.codes = ['X']),
      check: [R.engagement, /engagement « X » inconnu/],
      xsd: /code': \[facet 'enumeration'\] The value 'X'/,
    },
    {
      rule: 'an opinion’s author has a name of 65 characters at most (§4)',
      change: (d) => (d.pupils[0]!.schoolYears[0]!.headOpinion!.lastName = 'N'.repeat(66)),
      check: [R.opinion, /nom de l’auteur de 1 à 65 caractères/],
      xsd: /nom': \[facet 'maxLength'\]/,
    },
  ];

  it.each(cases)('$rule', async ({ change, check, xsd }) => {
    const doc = mutated(change);
    if (check) {
      expect(checkLslDocument(doc, { schema })).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: check[0], severity: 'error', message: expect.stringMatching(check[1]) }),
        ]),
      );
    }
    expect((await xsdErrors(writeLsl(doc), LSL_XSD_2016)).join('\n')).toMatch(xsd);
  });

  it('a whitespace-only appraisal passes the XSD, so our checks refuse it (§7)', async () => {
    const doc = mutated((d) => (evaluation(d).annual = '   '));
    expect(await xsdErrors(writeLsl(doc), LSL_XSD_2016)).toEqual([]);
    expect(checkLslDocument(doc, { schema })).toEqual([
      expect.objectContaining({
        rule: R.text,
        entity: expect.objectContaining({ id: '2001' }),
        message: expect.stringMatching(/appréciation annuelle vide ou faite d’espaces/),
      }),
    ]);
  });

  it('only the root is namespaced: a default namespace on the root makes the file invalid (§3, §10)', async () => {
    const text = xml(valid())
      .replace('<lsl:lsl xmlns:lsl="urn:ac-grenoble.fr:lsl:import"', '<lsl xmlns="urn:ac-grenoble.fr:lsl:import"')
      .replace('</lsl:lsl>', '</lsl>');
    expect((await xsdErrors(text, LSL_XSD_2016)).join('\n')).toMatch(
      /Element '\{urn:ac-grenoble\.fr:lsl:import\}entete': This element is not expected/,
    );
  });

  it('scolarite children are a sequence: the opinions come before the evaluations (§4)', async () => {
    const text = xml(valid());
    const head = /\s*<avisChefEtab [^>]*>[^<]*<\/avisChefEtab>/.exec(text)![0];
    const moved = text.replace(head, '').replace('</scolarite>', `${head}</scolarite>`);
    expect((await xsdErrors(moved, LSL_XSD_2016)).join('\n')).toMatch(/avisChefEtab': This element is not expected/);
  });

  it('the 2015 XSD requires the annual appraisal; the 2016 one does not (§2)', async () => {
    const doc = mutated((d) => delete evaluation(d).annual);
    expect(await xsdErrors(writeLsl(doc), LSL_XSD_2016)).toEqual([]);
    expect((await xsdErrors(writeLsl(doc), LSL_XSD_2015)).join('\n')).toMatch(
      /Missing child element\(s\)\. Expected is one of \( annuelle/,
    );
    expect(checkLslDocument(doc, { schema: LSL_SCHEMAS['2015'] })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: R.annual, message: expect.stringMatching(/exigée par le schéma LSL 2015/) }),
      ]),
    );
  });
});
