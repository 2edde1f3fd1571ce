import { Fieldset, Group, Radio, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { COUNTRY_OPTIONS, FRANCE } from '../../lib/countries';
import { SEX_OPTIONS, yearLabel } from '../../lib/labels';
import { newEntityId } from '../../lib/new-id';
import { emptyRegistration, type RegistrationDraft, registrationCommands } from '../../lib/registration';
import { todayIso } from '../../lib/school-year';
import { useRecordSave } from '../../lib/use-record-save';
import { useNomenclature } from '../../lib/use-school';
import { FormSection } from '../FormSection';

/**
 * « Inscrire un élève »: the pupil's identity and the year's enrolment (or pre-enrolment),
 * registered together in one batch; the record opens afterwards for the guardians and the rest.
 */
export function NewPupilForm({ uai, year, base }: { uai: string; year: number; base: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const classes = useQuery({ queryKey: ['classes', uai, year], queryFn: () => api.classes(uai, year) });
  const nomenclature = useNomenclature(uai, year);
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyRegistration(todayIso()));
  // Chosen once per form: a second click after a refusal sends the same pupil, never a twin.
  const [pupilId] = useState(() => newEntityId('E'));
  const reload = useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['pupils', uai] }),
        queryClient.invalidateQueries({ queryKey: ['classes', uai] }),
      ]),
    [queryClient, uai],
  );
  const saver = useRecordSave(null, reload);
  const set = (key: keyof RegistrationDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof RegistrationDraft) => ({
    name: key,
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key)(e.currentTarget.value),
  });
  const inFrance = draft.country === FRANCE;

  const [missing, setMissing] = useState<Error>();
  const submit = async () => {
    const required: Array<[string, string]> = [
      [draft.lastName, 'le nom'],
      [draft.firstName, 'le prénom'],
      [draft.sex, 'le sexe'],
      [draft.birthDate, 'la date de naissance'],
      ...(draft.status === 'inscrit'
        ? ([
            [draft.classCode, 'la classe'],
            [draft.entryDate, 'la date d’entrée'],
          ] as Array<[string, string]>)
        : []),
    ];
    const absent = required.filter(([value]) => !value.trim()).map(([, what]) => what);
    setMissing(absent.length > 0 ? new Error(`Indiquez ${absent.join(', ')}.`) : undefined);
    if (absent.length > 0) return;
    const name = `${draft.lastName.trim()} ${draft.firstName.trim()}`;
    const ok = await saver.save(
      'register',
      registrationCommands(draft, { uai, year, pupilId }),
      `${name} est ${draft.status === 'inscrit' ? 'inscrit(e)' : 'préinscrit(e)'} en ${yearLabel(year)}.`,
    );
    if (ok) navigate(`${base}/eleves/${pupilId}?onglet=responsables`);
  };

  return (
    <FormSection
      title={`Nouvel élève — ${yearLabel(year)}`}
      onSubmit={() => void submit()}
      saving={saver.saving === 'register'}
      error={missing ?? saver.errors.register}
      submitLabel={draft.status === 'inscrit' ? 'Inscrire l’élève' : 'Préinscrire l’élève'}
      testId="form-new-pupil"
    >
      <SimpleGrid cols={2}>
        <TextInput label="Nom" required {...text('lastName')} />
        <TextInput label="Prénom" required {...text('firstName')} />
        <Select
          label="Sexe"
          required
          data={SEX_OPTIONS}
          value={draft.sex || null}
          onChange={(v) => set('sex')(v ?? '')}
          allowDeselect={false}
        />
        <TextInput label="Date de naissance" type="date" required {...text('birthDate')} />
        <Select
          label="Pays de naissance"
          searchable
          data={COUNTRY_OPTIONS}
          value={draft.country || null}
          onChange={(v) => set('country')(v ?? '')}
          nothingFoundMessage="Aucun pays"
        />
        <TextInput
          label={inFrance ? 'Commune de naissance' : 'Ville de naissance'}
          description={inFrance ? undefined : 'Obligatoire à l’étranger'}
          {...text('city')}
        />
        {inFrance && <TextInput label="Département de naissance" description="ex. 075" {...text('department')} />}
        <Select
          label="Nationalité"
          searchable
          clearable
          data={COUNTRY_OPTIONS}
          value={draft.nationality || null}
          onChange={(v) => set('nationality')(v ?? '')}
          nothingFoundMessage="Aucun pays"
        />
      </SimpleGrid>
      <Fieldset legend={`Scolarité en ${yearLabel(year)}`} variant="filled">
        <Radio.Group value={draft.status} onChange={(v) => set('status')(v)} mb="sm">
          <Group>
            <Radio value="inscrit" label="Inscrit (il est dans l’école)" />
            <Radio value="preinscrit" label="Préinscrit (il est attendu)" />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={3}>
          <Select
            label="Classe"
            required={draft.status === 'inscrit'}
            searchable
            clearable
            data={(classes.data ?? [])
              .filter((c) => !c.closedOn)
              .map((c) => ({ value: c.classCode, label: `${c.classCode} — ${c.label}` }))}
            value={draft.classCode || null}
            onChange={(v) => set('classCode')(v ?? '')}
          />
          <Select
            label="Formation"
            searchable
            clearable
            data={nomenclature.formations}
            value={draft.formationCode || null}
            onChange={(v) => set('formationCode')(v ?? '')}
          />
          {draft.status === 'inscrit' && <TextInput label="Date d’entrée" type="date" required {...text('entryDate')} />}
        </SimpleGrid>
      </Fieldset>
    </FormSection>
  );
}
