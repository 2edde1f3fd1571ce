import {
  type Anomaly,
  type AnomalyEntity,
  type Control,
  type ControlReport,
  countPupils,
  type SchoolSnapshot,
} from '@liaison/domain';
import { PLUGIN_ID } from '../export/format-ids';
import { divisionCodeOf } from '../export/import-prive-document';
import { type ComposedSend, composeSend } from '../export/import-prive-send';
import { idsExhaustedMessage } from '../send/send-commands';
import { describeChar, plainText, unwritableChars } from '../export/latin9';
import { RULES } from './rule-ids';

export interface SiecleControlRun {
  send: ComposedSend;
  report: ControlReport;
}

function establishmentRules(snapshot: SchoolSnapshot, send: ComposedSend): Anomaly[] {
  const entity: AnomalyEntity = {
    kind: 'establishment',
    id: snapshot.uai,
    label: snapshot.establishment.name ? `${snapshot.establishment.name} (${snapshot.uai})` : snapshot.uai,
  };
  const out: Anomaly[] = [];
  const error = (rule: string, message: string, field?: string) =>
    out.push({ rule, severity: 'error', entity, ...(field ? { field } : {}), message });
  const e = snapshot.establishment;
  if (!e.registered) {
    error(RULES.establishmentUnknown, `L’établissement ${snapshot.uai} n’est pas enregistré`);
    return out;
  }
  if (e.degree !== 'second')
    error(
      RULES.establishmentDegree,
      'L’import du privé dans SIECLE concerne les établissements du second degré ; celui-ci est du premier degré (export ONDE)',
      'degree',
    );
  if (e.contract === 'simple') {
    error(
      RULES.simpleContract,
      'Établissement sous contrat simple : SIECLE n’a pas de code contrat connu pour le contrat simple (seuls 1 hors contrat et 3 contrat d’association sont observés) ; l’export est refusé plutôt que de deviner',
      'contract',
    );
  }
  if (!snapshot.schoolYear.opened) {
    error(RULES.yearNotOpened, `L’année ${snapshot.year}-${snapshot.year + 1} n’est pas ouverte`);
    return out;
  }
  if (Object.keys(snapshot.schoolYear.formations).length === 0) {
    error(
      RULES.nomenclatureMissing,
      `La nomenclature SIECLE (MEF) de ${snapshot.year}-${snapshot.year + 1} n’est pas importée : importez Nomenclature.xml (siecle.nomenclature) avant l’envoi`,
    );
  }
  if (send.run.document.pupils.length === 0) {
    error(RULES.nothingToSend, 'Aucun élève inscrit ou sorti dans l’année : le fichier SIECLE doit contenir au moins un élève');
  } else if (send.run.document.persons.length === 0) {
    error(RULES.nothingToSend, 'Aucun responsable à envoyer : le fichier SIECLE doit contenir au moins un responsable');
  }
  if (send.ids.exhausted) error(RULES.idsExhausted, idsExhaustedMessage(send.ids.exhausted.kind, send.ids.exhausted.wanted));
  return out;
}

/** The classes the file names (those of the pupils sent): contract and division code. */
function classRules(snapshot: SchoolSnapshot, send: ComposedSend): Anomaly[] {
  const out: Anomaly[] = [];
  const used = new Set(send.run.scope.sent.map((s) => s.klass?.classCode).filter((c): c is string => c !== undefined));
  for (const klass of snapshot.classes) {
    if (klass.classCode === undefined || !used.has(klass.classCode)) continue;
    const entity: AnomalyEntity = { kind: 'class', id: klass.classCode, label: klass.label ?? klass.classCode };
    if (klass.contractType === 'simple') {
      out.push({
        rule: RULES.classSimpleContract,
        severity: 'error',
        entity,
        field: 'contractType',
        message:
          'Classe sous contrat simple : SIECLE n’a pas de code contrat connu pour le contrat simple ; ses élèves ne peuvent pas être envoyés',
      });
    }
    const code = plainText(divisionCodeOf(klass) ?? '');
    const bad = unwritableChars(code);
    if (code.length === 0 || [...code].length > 8 || bad.length > 0) {
      out.push({
        rule: RULES.divisionCode,
        severity: 'error',
        entity,
        field: klass.rectoratCode === undefined ? 'classCode' : 'rectoratCode',
        message:
          bad.length > 0
            ? `Code division « ${code} » : ${bad.map(describeChar).join(', ')} ne peut pas s’écrire dans le fichier SIECLE`
            : `Code division « ${code} » : SIECLE attend 1 à 8 caractères ; donnez à la classe le code rectorat de sa division`,
      });
    }
  }
  return out;
}

/** The XSD's unique keys: one pupil per INE. */
function uniquenessRules(send: ComposedSend): Anomaly[] {
  const holders = new Map<string, string[]>();
  for (const p of send.run.document.pupils)
    if (p.ine !== undefined) holders.set(p.ine, [...(holders.get(p.ine) ?? []), p.pupilId]);
  const labels = new Map(send.run.scope.sent.map((s) => [s.pupilId, s.label]));
  const out: Anomaly[] = [];
  for (const [ine, ids] of holders) {
    if (ids.length < 2) continue;
    for (const id of ids) {
      out.push({
        rule: RULES.ineDuplicate,
        severity: 'error',
        entity: { kind: 'pupil', id, label: labels.get(id) ?? id },
        field: 'ine',
        message: `INE ${ine} porté par plusieurs élèves (${ids.map((other) => labels.get(other) ?? other).join(', ')}) : un INE n’appartient qu’à un élève`,
      });
    }
  }
  return out;
}

/**
 * « Élèves conformes / non conformes »: an error on the establishment or on a pupil's class
 * blocks the export just as one on the pupil does, so it makes the pupil non-compliant too.
 */
function compliance(send: ComposedSend, anomalies: readonly Anomaly[]) {
  const errors = anomalies.filter((a) => a.severity === 'error');
  const establishmentFault = errors.some((a) => a.entity.kind === 'establishment');
  const faultyClasses = new Set(errors.filter((a) => a.entity.kind === 'class').map((a) => a.entity.id));
  const lifted: Anomaly[] = [...errors];
  for (const s of send.run.scope.sent) {
    if (establishmentFault || (s.klass?.classCode !== undefined && faultyClasses.has(s.klass.classCode))) {
      lifted.push({
        rule: 'classe-ou-etablissement',
        severity: 'error',
        entity: { kind: 'pupil', id: s.pupilId, label: s.label },
        message: '-',
      });
    }
  }
  // A fault on a guardian person blocks every child who names them.
  const faultyGuardians = new Set(errors.filter((a) => a.entity.kind === 'guardian').map((a) => a.entity.id));
  for (const s of send.run.scope.sent) {
    if (Object.keys(s.pupil.guardians).some((g) => faultyGuardians.has(g))) {
      lifted.push({
        rule: 'responsable',
        severity: 'error',
        entity: { kind: 'pupil', id: s.pupilId, label: s.label },
        message: '-',
      });
    }
  }
  return countPupils(
    send.run.scope.sent.map((s) => s.pupilId),
    lifted,
  );
}

/**
 * The SIECLE control: what the private import's report would reject or default (FORMAT.md §8.5,
 * §11, §12), on the pupils the file would hold. The `siecle.import-prive` plan blocks on exactly
 * its errors. Pre-enrolled pupils are listed apart and never block.
 */
export function runSiecleControl(snapshot: SchoolSnapshot): SiecleControlRun {
  const send = composeSend(snapshot);
  const anomalies = [
    ...establishmentRules(snapshot, send),
    ...classRules(snapshot, send),
    ...send.run.anomalies,
    ...uniquenessRules(send),
  ];
  const { compliant, nonCompliant } = compliance(send, anomalies);
  return {
    send,
    report: {
      controlId: PLUGIN_ID,
      uai: snapshot.uai,
      year: snapshot.year,
      asOf: snapshot.asOf,
      anomalies,
      excluded: send.run.scope.excluded,
      counts: {
        checked: send.run.scope.sent.length,
        compliant,
        nonCompliant,
        excluded: send.run.scope.excluded.length,
      },
    },
  };
}

export function siecleControl(): Control {
  return {
    id: PLUGIN_ID,
    displayName: 'Contrôle de la base élèves avant l’envoi à SIECLE',
    run: (snapshot) => runSiecleControl(snapshot).report,
  };
}
