import {
  accept,
  assertYearOpen,
  type ClassState,
  type Command,
  type Decider,
  type Decision,
  initialClassState,
  initialYearState,
  sameJson,
  schoolYearLabel,
  type YearState,
} from '@liaison/domain';
import { EPI_THEMES } from '../codes/lsu-codes';
import {
  LivretClassStatisticsRecorded,
  LivretHeadDeclared,
  LivretProjectDeclared,
  LivretSchemasChosen,
} from '../events/year-events';
import { evolveYearLivret, initialYearLivretState, statisticsKey, type YearLivretState } from '../model/year-livret';
import { ClassUnknownError, ProjectInvalidError } from './errors';
import {
  type ChooseLivretSchemas,
  type DeclareLivretHead,
  type DeclareLivretProject,
  type RecordClassStatistics,
} from './payloads';
import { initialReferenceView, type ReferenceView } from './reference-view';
import { assertSubjectKnown, assertTeachersKnown } from './rules';

export type YearLivretCommand =
  | Command<'DeclareLivretProject', DeclareLivretProject>
  | Command<'RecordClassStatistics', RecordClassStatistics>
  | Command<'DeclareLivretHead', DeclareLivretHead>
  | Command<'ChooseLivretSchemas', ChooseLivretSchemas>;

export interface YearLivretContext {
  /** The core year stream: the year must be open. */
  year?: YearState;
  reference?: ReferenceView;
  /** The class of a statistics record. */
  class?: ClassState;
}

function checkProject(p: DeclareLivretProject, reference: ReferenceView): void {
  const invalid = (message: string) => new ProjectInvalidError(`projet ${p.projectId} : ${message}`, { projectId: p.projectId });
  for (const d of p.disciplines) assertSubjectKnown(reference, p.year, d.subjectCode);
  assertTeachersKnown(reference, p.year, [...new Set(p.teachers.map((t) => t.stsId))]);
  if (p.kind === 'epi') {
    // LSU's `epi/@discipline-refs` is `AtLeast2IDREFS`: an EPI is interdisciplinary.
    if (p.disciplines.length < 2) throw invalid('un EPI associe au moins deux disciplines');
    if (p.theme === undefined) throw invalid('un EPI a une thématique (EPI_ART, EPI_EDD…)');
    if (!Object.hasOwn(EPI_THEMES, p.theme) && p.themeLabel === undefined) {
      throw invalid(`la thématique ${p.theme} n’est pas dans la nomenclature : donnez son libellé (themeLabel)`);
    }
  } else if (p.theme !== undefined || p.themeLabel !== undefined) {
    throw invalid('seul un EPI a une thématique');
  }
  const disciplines = new Set(p.disciplines.map((d) => `${d.subjectCode} ${d.electionMode}`));
  const stray = p.teachers.filter((t) => !disciplines.has(`${t.subjectCode} ${t.electionMode}`));
  if (stray.length > 0) {
    throw invalid(
      `enseignant(s) ${stray.map((t) => `${t.stsId} (${t.subjectCode} ${t.electionMode})`).join(', ')} d’une discipline absente du projet`,
    );
  }
}

function decide(command: YearLivretCommand, state: YearLivretState, context: YearLivretContext): Decision {
  const p = command.payload;
  assertYearOpen(context.year ?? initialYearState(), p.uai, p.year, 'ouvrez-la avant d’y saisir les livrets');
  const reference = context.reference ?? initialReferenceView();
  const { uai: _u, year: _y, ...fields } = p;
  switch (command.type) {
    case 'DeclareLivretProject': {
      const c = command.payload;
      checkProject(c, reference);
      return accept(sameJson(state.projects[c.projectId], fields) ? [] : [LivretProjectDeclared.create(c)]);
    }
    case 'RecordClassStatistics': {
      const c = command.payload;
      if (!(context.class ?? initialClassState()).created) {
        throw new ClassUnknownError(`la classe ${c.classCode} n’existe pas en ${schoolYearLabel(c.year)}`, {
          classCode: c.classCode,
          year: c.year,
        });
      }
      assertSubjectKnown(reference, c.year, c.subjectCode);
      const current = state.statistics[statisticsKey(c.classCode, c.subjectCode, c.electionMode)];
      return accept(sameJson(current, fields) ? [] : [LivretClassStatisticsRecorded.create(c)]);
    }
    case 'DeclareLivretHead': {
      const c = command.payload;
      return accept(sameJson(state.head, fields) ? [] : [LivretHeadDeclared.create(c)]);
    }
    case 'ChooseLivretSchemas': {
      const c = command.payload;
      const same = (c.lsu === undefined || c.lsu === state.schemas.lsu) && (c.lsl === undefined || c.lsl === state.schemas.lsl);
      return accept(same ? [] : [LivretSchemasChosen.create(c)]);
    }
  }
}

/** The decider of `livretannee-<UAI>-<YYYY>`. */
export const yearLivretDecider: Decider<YearLivretCommand, YearLivretState, YearLivretContext> = {
  initialState: initialYearLivretState,
  evolve: evolveYearLivret,
  decide,
};
