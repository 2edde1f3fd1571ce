import { CommandRegistry, streamIds } from '@liaison/domain';
import { scenario, stream } from '@liaison/domain/testing';
import { ClassCreated, YearOpened } from '@liaison/events';
import { referenceStreamId, SiecleSubjectsDeclared, StsTeachersDeclared } from '@liaison/plugin-second-degree-siecle/events';
import {
  LivretClassStatisticsRecorded,
  LivretHeadDeclared,
  LivretProjectDeclared,
  LivretSchemasChosen,
  livretYearStreamId,
} from '../events';
import { livretCommands } from './definitions';

const UAI = '0750680G';
const YEAR = 2024;
const registry = new CommandRegistry().register(...livretCommands);
const year = stream(streamIds.year(UAI, YEAR), YearOpened.create({ uai: UAI, year: YEAR }));
const reference = stream(
  referenceStreamId(UAI, YEAR),
  SiecleSubjectsDeclared.create({
    uai: UAI,
    year: YEAR,
    source: 'test',
    subjects: [
      { code: '020700', label: 'FRANCAIS' },
      { code: '061300', label: 'MATHEMATIQUES' },
    ],
  }),
  StsTeachersDeclared.create({
    uai: UAI,
    year: YEAR,
    source: 'test',
    teachers: [
      { stsId: '12345', lastName: 'DUPONT', firstName: 'Hélène', disciplines: [], mainTeacherOf: [] },
      { stsId: '23456', lastName: 'MARTIN', firstName: 'Jérôme', disciplines: [], mainTeacherOf: [] },
    ],
  }),
);

const epi = {
  uai: UAI,
  year: YEAR,
  projectId: 'EPI1',
  kind: 'epi',
  title: 'Sciences et récits',
  theme: 'EPI_STS',
  disciplines: [
    { subjectCode: '020700', electionMode: 'S' },
    { subjectCode: '061300', electionMode: 'S' },
  ],
  teachers: [
    { stsId: '12345', subjectCode: '020700', electionMode: 'S' },
    { stsId: '23456', subjectCode: '061300', electionMode: 'S' },
  ],
};

describe('DeclareLivretProject', () => {
  it('declares an EPI of two subjects with its teachers, once', () => {
    const event = LivretProjectDeclared.create(epi as Parameters<typeof LivretProjectDeclared.create>[0]);
    scenario(registry).given(year, reference).when({ type: 'DeclareLivretProject', payload: epi }).thenEmits(event);
    scenario(registry)
      .given(year, reference, stream(livretYearStreamId(UAI, YEAR), event))
      .when({ type: 'DeclareLivretProject', payload: epi })
      .thenEmits();
  });

  it('refuses an EPI of one subject, without a theme, or with a school theme but no label', () => {
    for (const [payload, message] of [
      [{ ...epi, disciplines: [epi.disciplines[0]], teachers: [epi.teachers[0]] }, /un EPI associe au moins deux disciplines/],
      [{ ...epi, theme: undefined }, /un EPI a une thématique/],
      [{ ...epi, theme: 'EPI_MAISON' }, /EPI_MAISON n’est pas dans la nomenclature : donnez son libellé/],
      [
        { ...epi, teachers: [{ stsId: '12345', subjectCode: '061300', electionMode: 'F' }] },
        /d’une discipline absente du projet/,
      ],
    ] as const) {
      scenario(registry)
        .given(year, reference)
        .when({ type: 'DeclareLivretProject', payload })
        .thenRejects('project_invalid', message);
    }
    scenario(registry)
      .given(year, reference)
      .when({ type: 'DeclareLivretProject', payload: { ...epi, theme: 'EPI_MAISON', themeLabel: 'Notre thème' } })
      .decision();
  });

  it('checks the subjects and teachers against SIECLE and STS-web, and wants the year open', () => {
    scenario(registry)
      .given(year, reference)
      .when({
        type: 'DeclareLivretProject',
        payload: { ...epi, teachers: [{ stsId: '777', subjectCode: '020700', electionMode: 'S' }] },
      })
      .thenRejects('teacher_unknown', /777/);
    scenario(registry).given(reference).when({ type: 'DeclareLivretProject', payload: epi }).thenRejects('year_not_open');
  });
});

describe('RecordClassStatistics', () => {
  const payload = {
    uai: UAI,
    year: YEAR,
    classCode: '1A',
    subjectCode: '061300',
    electionMode: 'S',
    headcount: 30,
    average: '11.2',
    below8: 20,
    between8and12: 40,
    above12: 40,
  };

  it('records a class’s results in a subject when the class exists', () => {
    const klass = stream(
      streamIds.class(UAI, YEAR, '1A'),
      ClassCreated.create({ uai: UAI, year: YEAR, classCode: '1A', label: '1re A' }),
    );
    scenario(registry)
      .given(year, reference, klass)
      .when({ type: 'RecordClassStatistics', payload })
      .thenEmits(LivretClassStatisticsRecorded.create(payload as Parameters<typeof LivretClassStatisticsRecorded.create>[0]));
    scenario(registry)
      .given(year, reference)
      .when({ type: 'RecordClassStatistics', payload })
      .thenRejects('class_unknown', /la classe 1A n’existe pas/);
    scenario(registry)
      .given(year, reference, klass)
      .when({ type: 'RecordClassStatistics', payload: { ...payload, above12: 50 } })
      .thenRejects('invalid_value', /doivent faire 100/);
  });
});

describe('the year’s head and schemas', () => {
  it('declares who signs the bilans and the schemas of the campaign', () => {
    const head = { uai: UAI, year: YEAR, civility: 'MME', lastName: 'Delorme', firstName: 'Claire' };
    scenario(registry)
      .given(year)
      .when({ type: 'DeclareLivretHead', payload: head })
      .thenEmits(LivretHeadDeclared.create(head as Parameters<typeof LivretHeadDeclared.create>[0]));
    scenario(registry)
      .given(year)
      .when({ type: 'ChooseLivretSchemas', payload: { uai: UAI, year: YEAR, lsu: '2019' } })
      .thenEmits(LivretSchemasChosen.create({ uai: UAI, year: YEAR, lsu: '2019' }));
    scenario(registry)
      .given(year)
      .when({ type: 'ChooseLivretSchemas', payload: { uai: UAI, year: YEAR, lsu: '13.0' } })
      .thenRejects('invalid_value', /schéma LSU : 2020, 2019, 7.0/);
  });
});
