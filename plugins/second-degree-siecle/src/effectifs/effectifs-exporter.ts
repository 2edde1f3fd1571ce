import { type Anomaly, type Exporter, type ExportPlan, type SchoolSnapshot } from '@liaison/domain';
import { EFFECTIFS_FORMAT_ID } from '../export/format-ids';
import { effectifs } from './effectifs';
import { effectifsCsv } from './effectifs-csv';

/** `SIECLE/<UAI>/effectifs-<YYYY>.csv`. */
export const effectifsPath = (uai: string, year: number) => `SIECLE/${uai.toUpperCase()}/effectifs-${year}.csv`;

function planOf(snapshot: SchoolSnapshot): ExportPlan {
  const entity = { kind: 'establishment' as const, id: snapshot.uai, label: snapshot.establishment.name ?? snapshot.uai };
  if (!snapshot.schoolYear.opened) {
    return {
      blocking: [
        {
          rule: 'annee-non-ouverte',
          severity: 'error',
          entity,
          message: `L’année ${snapshot.year}-${snapshot.year + 1} n’est pas ouverte : aucun effectif à compter`,
        },
      ],
      warnings: [],
      counts: { pupils: 0, divisions: 0, mefs: 0 },
    };
  }
  const e = effectifs(snapshot);
  const warnings: Anomaly[] = [];
  if (e.withoutMef > 0) {
    warnings.push({
      rule: 'effectif-sans-mef',
      severity: 'warning',
      entity,
      message: `${e.withoutMef} élève(s) sans MEF connu : comptés dans leur division, sur une ligne « MEF non renseigné »`,
    });
  }
  const unknown = e.byMef.filter((m) => m.mef !== '' && m.label === undefined && m.total > 0).map((m) => m.mef);
  if (unknown.length > 0) {
    warnings.push({
      rule: 'effectif-mef-hors-nomenclature',
      severity: 'warning',
      entity,
      message: `MEF absent(s) de la nomenclature de l’année : ${unknown.join(', ')}`,
    });
  }
  return {
    blocking: [],
    warnings,
    counts: { pupils: e.total.total, divisions: e.byDivision.length, mefs: e.byMef.filter((m) => m.mef !== '').length },
  };
}

/**
 * Head-counts per MEF and per division for the start-of-year count (steps 17-20 of the seed). No
 * public format exists for this: our CSV, documented in docs/formats/siecle-effectifs.md.
 */
export function effectifsExporter(): Exporter {
  return {
    formatId: EFFECTIFS_FORMAT_ID,
    displayName: 'Effectifs par MEF et par division (CSV)',
    status: 'adapter',
    plan: planOf,
    build(snapshot) {
      const plan = planOf(snapshot);
      return {
        files: [{ path: effectifsPath(snapshot.uai, snapshot.year), bytes: effectifsCsv(effectifs(snapshot)) }],
        counts: plan.counts,
      };
    },
  };
}
