import { type ExportPreview } from '../exchanges/export-service';
import { printChangesBySubject, printSnapshotDiff } from './changes-output';
import { type Output } from './output';

/** Before exporting: since which export, who changed what, what the file would gain or lose, and whether it may be made. */
export function printExportPreview(out: Output, preview: ExportPreview): void {
  out.line(
    preview.previous
      ? `Aperçu de l’export ${preview.formatId} depuis ${preview.previous.exportId} (position ${preview.previous.asOf}) — rien n’est écrit :`
      : `Aperçu du premier export ${preview.formatId} — rien n’est écrit :`,
  );
  printChangesBySubject(out, preview.bySubject);
  out.line(`${preview.events.length} changement(s) depuis le précédent export. Dans le fichier :`);
  printSnapshotDiff(out, preview.diff);
  for (const a of preview.plan.blocking) out.line(`BLOQUANT : ${a.entity.label} : ${a.message}`);
  for (const a of preview.plan.warnings) out.line(`attention : ${a.entity.label} : ${a.message}`);
  out.line(
    preview.plan.blocking.length > 0
      ? `L’export est bloqué par ${preview.plan.blocking.length} anomalie(s).`
      : `L’export peut être produit (${Object.entries(preview.plan.counts)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}).`,
  );
}
