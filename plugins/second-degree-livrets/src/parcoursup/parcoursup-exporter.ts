import { type Exporter, type SchoolSnapshot } from '@liaison/domain';
import { PERIODS } from '../codes/periods';
import { PARCOURSUP_FORMAT_ID } from '../format-ids';
import { formationOf } from '../model/levels';
import { pupilLivretOf } from '../model/livret-states';
import { subjectKey } from '../model/pupil-livret';
import { livretScope } from '../model/scope';
import { checkLslDocument } from '../lsl/lsl-checks';
import { decimal2 } from '../lsl/class-statistics';
import { mapLsl } from '../lsl/lsl-mapper';
import { type ParcoursupLine, writeParcoursup } from './parcoursup-writer';

/** `PARCOURSUP/<UAI>/PARCOURSUP-<UAI>-<YYYY>.csv`. */
export const parcoursupPath = (uai: string, year: number) => `PARCOURSUP/${uai}/PARCOURSUP-${uai}-${year}.csv`;

/**
 * The lines of the upload, from the same data as the LSL file (its mapping and its controls: the
 * Parcoursup upload needs the same SIECLE-keyed facts), period by period.
 */
function linesOf(snapshot: SchoolSnapshot, mapping: ReturnType<typeof mapLsl>): ParcoursupLine[] {
  const lines: ParcoursupLine[] = [];
  for (const entry of mapping.document.pupils) {
    const pupil = mapping.pupils.get(entry.id)!;
    const livret = pupilLivretOf(snapshot, pupil.pupilId!);
    const klass = snapshot.classes.find((c) => c.classCode === pupil.years[snapshot.year]?.classCode);
    const identity = pupil.identity!;
    for (const evaluation of entry.schoolYears[0]?.evaluations ?? []) {
      const key = subjectKey(evaluation.subjectCode, evaluation.electionMode);
      for (const period of PERIODS) {
        const a = livret.periods[period]?.subjects[key];
        if (!a || a.average === undefined) continue;
        lines.push({
          uai: snapshot.uai,
          year: snapshot.year,
          eleveId: entry.id,
          ...(pupil.ine ? { ine: pupil.ine } : {}),
          lastName: identity.usageName ?? identity.lastName,
          firstName: identity.firstName,
          mef: formationOf(pupil, snapshot.year, snapshot.classes) ?? '',
          division: klass?.rectoratCode ?? klass?.classCode ?? '',
          subjectCode: evaluation.subjectCode,
          electionMode: evaluation.electionMode,
          period,
          average: decimal2(Number(a.average)),
          ...(evaluation.structure.average ? { classAverage: evaluation.structure.average } : {}),
          ...(evaluation.structure.headcount ? { headcount: evaluation.structure.headcount } : {}),
          ...(a.appraisal ? { appraisal: a.appraisal } : {}),
        });
      }
    }
  }
  return lines;
}

function planOf(snapshot: SchoolSnapshot) {
  const mapping = mapLsl(snapshot);
  // The built document is checked once the mapping found nothing: a pupil blocked for a missing
  // ELEVE_ID is named once, not again for each consequence (an empty id, a dangling reference).
  const checks =
    mapping.anomalies.errors.length > 0
      ? []
      : checkLslDocument(mapping.document, { schema: mapping.schema, pupils: mapping.pupils, year: snapshot.year });
  return {
    mapping,
    plan: {
      blocking: [...mapping.anomalies.errors, ...checks],
      warnings: mapping.anomalies.warnings,
      counts: { pupils: mapping.counts.pupils, withoutLivret: mapping.counts.withoutLivret },
    },
  };
}

/**
 * « Remontée Parcoursup pour les classes de première » (seed, step 8) as our documented adapter:
 * the post-2021 upload format is not public, so the layout is an assumption isolated in
 * `parcoursup-writer.ts` (docs/formats/parcoursup.md). Same pupils, data and controls as `lsl.livret`.
 */
export function parcoursupExporter(): Exporter {
  return {
    formatId: PARCOURSUP_FORMAT_ID,
    displayName: 'Parcoursup : notes des classes de première (adaptateur, format non public)',
    status: 'adapter',
    scope: (snapshot, core) => livretScope(snapshot, 'lsl', core),
    plan: (snapshot) => planOf(snapshot).plan,
    build(snapshot) {
      const { mapping, plan } = planOf(snapshot);
      const first = plan.blocking[0];
      if (first) throw new Error(`export Parcoursup impossible : ${first.entity.label} : ${first.message}`);
      const lines = linesOf(snapshot, mapping);
      return {
        files: [{ path: parcoursupPath(snapshot.uai, snapshot.year), bytes: writeParcoursup(lines) }],
        counts: { ...plan.counts, lines: lines.length },
      };
    },
  };
}
