import { Checkbox, Grid, Select, SimpleGrid, Stack, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { EXIT_MOTIVES } from '@liaison/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { command } from '../../api/commands';
import type { PupilDto } from '../../api/types';
import { DISPOSITIF_OPTIONS } from '../../lib/dispositifs';
import { frenchDate, STATUS_LABELS, yearLabel } from '../../lib/labels';
import { todayIso } from '../../lib/school-year';
import type { RecordSaver } from '../../lib/use-record-save';
import { useDraft } from '../../lib/use-draft';
import { useNomenclature } from '../../lib/use-school';
import { FormSection } from '../FormSection';

const MOTIVE_OPTIONS = Object.entries(EXIT_MOTIVES).map(([value, label]) => ({ value, label: `${value} — ${label}` }));

export function SchoolingTab({ pupil, year, saver }: { pupil: PupilDto; year: number; saver: RecordSaver }) {
  const current = pupil.years.find((y) => y.year === year);
  const nomenclature = useNomenclature(pupil.uai, year);
  const classes = useQuery({ queryKey: ['classes', pupil.uai, year], queryFn: () => api.classes(pupil.uai, year) });
  const [draft, patch] = useDraft({
    classCode: current?.classCode ?? '',
    formation: current?.formationCode ?? '',
    lv1: current?.lv1 ?? '',
    lv2: current?.lv2 ?? '',
    dispositifs: current?.dispositifs ?? [],
    exitDate: current?.exitDate ?? todayIso(),
    motive: current?.exitMotive ?? '',
    regime: String(current?.schooling.regime ?? ''),
    statut: String(current?.schooling.statut ?? ''),
    transport: Boolean(current?.schooling.transport),
    doublement: Boolean(current?.schooling.doublement),
  });
  const { classCode, formation, lv1, lv2, dispositifs, exitDate, motive } = draft;
  const setClassCode = (v: string) => patch({ classCode: v });
  const setFormation = (v: string) => patch({ formation: v });
  const setLv1 = (v: string) => patch({ lv1: v });
  const setLv2 = (v: string) => patch({ lv2: v });
  const setDispositifs = (v: string[]) => patch({ dispositifs: v });
  const setExitDate = (v: string) => patch({ exitDate: v });
  const setMotive = (v: string) => patch({ motive: v });
  const [classDate, setClassDate] = useState(todayIso());
  const ref = { uai: pupil.uai, pupilId: pupil.pupilId, year };

  const previous = pupil.years.filter((y) => y.year !== year).sort((a, b) => b.year - a.year);

  return (
    <Stack>
      {!current && <Text c="dimmed">L’élève n’a ni inscription ni préinscription en {yearLabel(year)}.</Text>}
      {current && (
        <Grid>
          <Grid.Col span={6}>
            <Stack>
              <FormSection
                title={`Situation en ${yearLabel(year)} : ${STATUS_LABELS[current.status]}`}
                onSubmit={() =>
                  void saver.save(
                    'class',
                    classCode && classCode !== current.classCode
                      ? [command('ChangePupilClass', { ...ref, classCode, date: classDate })]
                      : [],
                    `L’élève passe en ${classCode}.`,
                  )
                }
                saving={saver.saving === 'class'}
                error={saver.errors.class}
                submitLabel="Changer de classe"
              >
                <Text size="sm">
                  Entrée le {frenchDate(current.entryDate)}
                  {current.exitDate
                    ? ` · sortie le ${frenchDate(current.exitDate)} (${EXIT_MOTIVES[current.exitMotive ?? ''] ?? current.exitMotive})`
                    : ''}
                </Text>
                <SimpleGrid cols={2}>
                  <Select
                    label="Classe"
                    data-field="years.classCode"
                    data={(classes.data ?? []).map((c) => ({ value: c.classCode, label: `${c.classCode} — ${c.label}` }))}
                    value={classCode || null}
                    onChange={(v) => setClassCode(v ?? '')}
                    searchable
                  />
                  <TextInput
                    label="Date du changement"
                    type="date"
                    value={classDate}
                    onChange={(e) => setClassDate(e.currentTarget.value)}
                  />
                </SimpleGrid>
              </FormSection>
              <FormSection
                title="Formation"
                onSubmit={() =>
                  void saver.save(
                    'formation',
                    formation && formation !== current.formationCode
                      ? [command('SetPupilFormation', { ...ref, formationCode: formation })]
                      : [],
                    'La formation est enregistrée.',
                  )
                }
                saving={saver.saving === 'formation'}
                error={saver.errors.formation}
              >
                <Select
                  label="Formation de l’élève"
                  description="Dans une classe à plusieurs niveaux, chaque élève a la sienne"
                  data-field="years.formationCode"
                  data={nomenclature.formations}
                  value={formation || null}
                  onChange={(v) => setFormation(v ?? '')}
                  searchable
                />
              </FormSection>
            </Stack>
          </Grid.Col>
          <Grid.Col span={6}>
            <Stack>
              <FormSection
                title="Langues vivantes"
                testId="form-languages"
                onSubmit={() =>
                  void saver.save(
                    'languages',
                    lv1 && (lv1 !== (current.lv1 ?? '') || lv2 !== (current.lv2 ?? ''))
                      ? [command('SetPupilLanguages', { ...ref, lv1, ...(lv2 ? { lv2 } : {}) })]
                      : [],
                    'Les langues sont enregistrées.',
                  )
                }
                saving={saver.saving === 'languages'}
                error={saver.errors.languages}
              >
                <SimpleGrid cols={2}>
                  <Select
                    label="LV1"
                    data-field="years.lv1"
                    data={nomenclature.languages}
                    value={lv1 || null}
                    onChange={(v) => setLv1(v ?? '')}
                    searchable
                    nothingFoundMessage="Aucune langue"
                  />
                  <Select
                    label="LV2"
                    data-field="years.lv2"
                    data={nomenclature.languages}
                    value={lv2 || null}
                    onChange={(v) => setLv2(v ?? '')}
                    searchable
                    clearable
                  />
                </SimpleGrid>
              </FormSection>
              <FormSection
                title="Dispositifs"
                onSubmit={() =>
                  void saver.save(
                    'dispositifs',
                    JSON.stringify(dispositifs) !== JSON.stringify(current.dispositifs)
                      ? [command('SetPupilDispositifs', { ...ref, dispositifs })]
                      : [],
                    'Les dispositifs sont enregistrés.',
                  )
                }
                saving={saver.saving === 'dispositifs'}
                error={saver.errors.dispositifs}
              >
                <TagsInput
                  label="Dispositifs"
                  description="ULIS, UPE2A, PAP, PPS… (Entrée pour ajouter)"
                  data-field="years.dispositifs"
                  data={DISPOSITIF_OPTIONS}
                  value={dispositifs}
                  onChange={setDispositifs}
                />
              </FormSection>
              <FormSection
                title="Régime, statut, transport"
                onSubmit={() => {
                  const was = current.schooling as {
                    regime?: string;
                    statut?: string;
                    transport?: boolean;
                    doublement?: boolean;
                  };
                  const changes = {
                    ...(draft.regime.trim() && draft.regime.trim() !== (was.regime ?? '') ? { regime: draft.regime.trim() } : {}),
                    ...(draft.statut.trim() && draft.statut.trim() !== (was.statut ?? '') ? { statut: draft.statut.trim() } : {}),
                    ...(draft.transport !== Boolean(was.transport) ? { transport: draft.transport } : {}),
                    ...(draft.doublement !== Boolean(was.doublement) ? { doublement: draft.doublement } : {}),
                  };
                  void saver.save(
                    'schooling',
                    Object.keys(changes).length ? [command('SetPupilSchooling', { ...ref, ...changes })] : [],
                    'Le régime, le statut et le transport sont enregistrés.',
                  );
                }}
                saving={saver.saving === 'schooling'}
                error={saver.errors.schooling}
              >
                <SimpleGrid cols={2}>
                  <TextInput
                    label="Régime"
                    description="Code SIECLE, ex. 0 (externe libre)"
                    data-field="years.schooling.regime"
                    value={draft.regime}
                    onChange={(e) => patch({ regime: e.currentTarget.value })}
                  />
                  <TextInput
                    label="Statut"
                    description="Code SIECLE, ex. ST scolaire"
                    data-field="years.schooling.statut"
                    value={draft.statut}
                    onChange={(e) => patch({ statut: e.currentTarget.value })}
                  />
                  <Checkbox
                    label="Transport scolaire"
                    data-field="years.schooling.transport"
                    checked={draft.transport}
                    onChange={(e) => patch({ transport: e.currentTarget.checked })}
                  />
                  <Checkbox
                    label="Redoublant"
                    data-field="years.schooling.doublement"
                    checked={draft.doublement}
                    onChange={(e) => patch({ doublement: e.currentTarget.checked })}
                  />
                </SimpleGrid>
              </FormSection>
              {current.status !== 'sorti' && (
                <FormSection
                  title="Sortie de l’élève"
                  onSubmit={() =>
                    void saver.save(
                      'exit',
                      motive ? [command('ExitPupil', { ...ref, exitDate, motive })] : [],
                      'La sortie est enregistrée.',
                    )
                  }
                  saving={saver.saving === 'exit'}
                  error={saver.errors.exit}
                  submitLabel="Enregistrer la sortie"
                >
                  <SimpleGrid cols={2}>
                    <TextInput
                      label="Date de sortie"
                      type="date"
                      data-field="years.exitDate"
                      value={exitDate}
                      onChange={(e) => setExitDate(e.currentTarget.value)}
                    />
                    <Select
                      label="Motif"
                      data-field="years.exitMotive"
                      data={MOTIVE_OPTIONS}
                      value={motive || null}
                      onChange={(v) => setMotive(v ?? '')}
                      searchable
                    />
                  </SimpleGrid>
                </FormSection>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {previous.length > 0 && (
        <Table withTableBorder>
          <Table.Caption>Autres années</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Année</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th>Classe</Table.Th>
              <Table.Th>Formation</Table.Th>
              <Table.Th>LV1</Table.Th>
              <Table.Th>Sortie</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {previous.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td>{yearLabel(y.year)}</Table.Td>
                <Table.Td>{STATUS_LABELS[y.status]}</Table.Td>
                <Table.Td>{y.classCode ?? '—'}</Table.Td>
                <Table.Td>{y.formationCode ?? '—'}</Table.Td>
                <Table.Td>{y.lv1 ?? '—'}</Table.Td>
                <Table.Td>{y.exitDate ? frenchDate(y.exitDate) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
