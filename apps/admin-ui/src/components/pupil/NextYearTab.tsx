import { Alert, Radio, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { EXIT_MOTIVES, FIRST_DEGREE_LEVELS, nextFirstDegreeLevel } from '@liaison/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { command } from '../../api/commands';
import type { PupilDto } from '../../api/types';
import { DECISION_LABELS, yearLabel } from '../../lib/labels';
import type { RecordSaver } from '../../lib/use-record-save';
import { useNomenclature } from '../../lib/use-school';
import { FormSection } from '../FormSection';

const MOTIVE_OPTIONS = Object.entries(EXIT_MOTIVES).map(([value, label]) => ({ value, label: `${value} — ${label}` }));

interface Plan {
  decision?: 'passage' | 'redoublement' | 'sortie';
  formationCode?: string;
  classCode?: string;
  motive?: string;
  exitDate?: string;
}

/** « An prochain »: the decision the year rollover reads (passage, redoublement, sortie). */
export function NextYearTab({ pupil, year, saver }: { pupil: PupilDto; year: number; saver: RecordSaver }) {
  const current = pupil.years.find((y) => y.year === year);
  const plan = (current?.plan ?? {}) as Plan;
  const nomenclature = useNomenclature(pupil.uai, year);
  const nextClasses = useQuery({
    queryKey: ['classes', pupil.uai, year + 1],
    queryFn: () => api.classes(pupil.uai, year + 1),
    retry: false,
  });
  const [decision, setDecision] = useState<string>(plan.decision ?? '');
  const [formationCode, setFormationCode] = useState(plan.formationCode ?? '');
  const [classCode, setClassCode] = useState(plan.classCode ?? '');
  const [motive, setMotive] = useState(plan.motive ?? '');
  const [exitDate, setExitDate] = useState(plan.exitDate ?? '');

  if (!current) return <Text c="dimmed">Pas de scolarité en {yearLabel(year)} : rien à prévoir.</Text>;
  const firstDegree = (FIRST_DEGREE_LEVELS as readonly string[]).includes(current.formationCode ?? '');
  const defaultNext = firstDegree && current.formationCode ? nextFirstDegreeLevel(current.formationCode) : undefined;
  const classOptions = (nextClasses.data ?? []).map((c) => ({ value: c.classCode, label: `${c.classCode} — ${c.label}` }));

  const submit = () => {
    if (!decision) return void saver.save('plan', [], '');
    const payload = {
      uai: pupil.uai,
      pupilId: pupil.pupilId,
      year,
      decision: decision as 'passage' | 'redoublement' | 'sortie',
      ...(decision !== 'sortie' && formationCode ? { formationCode } : {}),
      ...(decision !== 'sortie' && classCode ? { classCode } : {}),
      ...(decision === 'sortie' && motive ? { motive } : {}),
      ...(decision === 'sortie' && exitDate ? { exitDate } : {}),
    };
    void saver.save('plan', [command('PlanNextYear', payload)], `An prochain : ${DECISION_LABELS[decision]}.`);
  };

  return (
    <Stack maw={760}>
      {current.plan ? (
        <Alert variant="light" color="indigo">
          Décision enregistrée : {DECISION_LABELS[plan.decision ?? ''] ?? plan.decision}
          {plan.formationCode ? ` en ${plan.formationCode}` : ''}
          {plan.classCode ? `, classe ${plan.classCode}` : ''}.
        </Alert>
      ) : (
        <Alert variant="light" color="yellow">
          Aucune décision pour {yearLabel(year + 1)} : la bascule d’année la demandera.
        </Alert>
      )}
      <FormSection
        title={`An prochain (${yearLabel(year + 1)})`}
        onSubmit={submit}
        saving={saver.saving === 'plan'}
        error={saver.errors.plan}
        testId="form-plan"
      >
        <Radio.Group label="Décision" value={decision} onChange={setDecision} data-field="years.plan.decision">
          <Group mt="xs">
            <Radio value="passage" label="Passage" />
            <Radio value="redoublement" label="Redoublement" />
            <Radio value="sortie" label="Sortie" />
          </Group>
        </Radio.Group>
        {decision && decision !== 'sortie' && (
          <SimpleGrid cols={2}>
            <Select
              label="Formation l’an prochain"
              description={defaultNext && decision === 'passage' ? `Par défaut : ${defaultNext}` : undefined}
              data={nomenclature.formations}
              data-field="years.plan.formationCode"
              value={formationCode || null}
              onChange={(v) => setFormationCode(v ?? '')}
              searchable
              clearable
            />
            {classOptions.length > 0 ? (
              <Select
                label="Classe l’an prochain"
                data={classOptions}
                value={classCode || null}
                onChange={(v) => setClassCode(v ?? '')}
                clearable
                searchable
              />
            ) : (
              <TextInput
                label="Classe l’an prochain"
                description="Facultatif : l’année suivante n’a pas encore de classes"
                value={classCode}
                onChange={(e) => setClassCode(e.currentTarget.value)}
              />
            )}
          </SimpleGrid>
        )}
        {decision === 'sortie' && (
          <SimpleGrid cols={2}>
            <Select
              label="Motif de sortie"
              data={MOTIVE_OPTIONS}
              value={motive || null}
              onChange={(v) => setMotive(v ?? '')}
              searchable
              clearable
            />
            <TextInput
              label="Date de sortie"
              type="date"
              description="Par défaut : dernier jour de l’année"
              value={exitDate}
              onChange={(e) => setExitDate(e.currentTarget.value)}
            />
          </SimpleGrid>
        )}
      </FormSection>
    </Stack>
  );
}
