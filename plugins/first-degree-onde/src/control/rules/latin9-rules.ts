import { type Anomaly } from '@liaison/domain';
import { type ControlContext } from '../control-context';
import { establishmentEntity } from '../../school/entities';
import { describeChar, nonLatin9Chars } from '../../text/latin9';
import { RULES } from '../rule-ids';

/**
 * The files are ISO-8859-15 (FORMAT.md §9.2) and the writer refuses what it cannot encode. The
 * control runs over the very cells the writer would write, so it flags every such character
 * first, on the record where it was typed (« Łucja » → « Lucja »).
 */
export function latin9Rules(context: ControlContext): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const seen = new Set<string>();
  for (const table of [context.files.pupils, context.files.guardians]) {
    for (const row of table.rows) {
      row.forEach((cell, column) => {
        const bad = nonLatin9Chars(cell.value);
        if (bad.length === 0) return;
        const chars = bad.map(describeChar).join(', ');
        // A cell joining several fields (an address's two lines) blames the ones that hold the character.
        const guilty = cell.sources.filter((s) => s.value === undefined || nonLatin9Chars(s.value).length > 0);
        const sources = guilty.length > 0 ? guilty : [{ entity: establishmentEntity(context.snapshot), field: '' }];
        for (const source of sources) {
          // One anomaly per record and field, even when the value is written in both files.
          const key = `${source.entity.kind}|${source.entity.id}|${source.field}`;
          if (seen.has(key)) continue;
          seen.add(key);
          anomalies.push({
            rule: RULES.latin9,
            severity: 'error',
            entity: source.entity,
            ...(source.field ? { field: source.field } : {}),
            message: `caractère ${chars} impossible à écrire dans le fichier ONDE (ISO-8859-15), colonne « ${table.header[column]?.trim()} » : remplacez-le (ex. « ł » par « l »)`,
          });
        }
      });
    }
  }
  return anomalies;
}
