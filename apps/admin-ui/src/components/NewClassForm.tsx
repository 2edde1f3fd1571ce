import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { CONTRACT_LABELS, yearLabel } from '../lib/labels';
import { type NewClassDraft, newClassCommands } from '../lib/new-class';
import { useRecordSave } from '../lib/use-record-save';
import { useNomenclature } from '../lib/use-school';
import { FormSection } from './FormSection';

const CONTRACT_OPTIONS = Object.entries(CONTRACT_LABELS).map(([value, label]) => ({ value, label }));

/** « Nouvelle classe »: its code and label, and what the rectorat expects of it if already known. */
export function NewClassForm({
  uai,
  year,
  contract,
  onCreated,
}: {
  uai: string;
  year: number;
  /** The establishment's contract: a new class is under it unless the form says otherwise. */
  contract?: string;
  onCreated: (classCode: string) => void;
}) {
  const queryClient = useQueryClient();
  const nomenclature = useNomenclature(uai, year);
  const [draft, setDraft] = useState<NewClassDraft>({
    classCode: '',
    label: '',
    rectoratCode: '',
    contractType: contract ?? '',
    classType: '',
    formations: [],
  });
  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: ['classes', uai] }), [queryClient, uai]);
  const saver = useRecordSave(null, reload);
  const text = (key: 'classCode' | 'label' | 'rectoratCode') => ({
    name: key,
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
  });

  const submit = async () => {
    const classCode = draft.classCode.trim();
    if (await saver.save('class', newClassCommands(draft, { uai, year }), `La classe ${classCode} est créée.`))
      onCreated(classCode);
  };

  return (
    <FormSection
      title={`Nouvelle classe — ${yearLabel(year)}`}
      onSubmit={() => void submit()}
      saving={saver.saving === 'class'}
      error={saver.errors.class}
      submitLabel="Créer la classe"
      testId="form-new-class"
    >
      <SimpleGrid cols={2}>
        <TextInput label="Code" required description="Tel que l’école l’écrit (ex. CM1-CM2, 6e A)" {...text('classCode')} />
        <TextInput label="Libellé" description="Par défaut, le code" {...text('label')} />
        <TextInput label="Code rectorat" description="1 à 8 caractères, s’il est déjà connu" {...text('rectoratCode')} />
        <Select
          label="Type de contrat"
          clearable
          data={CONTRACT_OPTIONS}
          value={draft.contractType || null}
          onChange={(v) => setDraft((d) => ({ ...d, contractType: v ?? '' }))}
        />
        <Select
          label="Type de classe"
          clearable
          data={nomenclature.classTypes}
          value={draft.classType || null}
          onChange={(v) => setDraft((d) => ({ ...d, classType: v ?? '' }))}
        />
        <MultiSelect
          label="Formations"
          searchable
          data={nomenclature.formations}
          value={draft.formations}
          onChange={(formations) => setDraft((d) => ({ ...d, formations }))}
        />
      </SimpleGrid>
    </FormSection>
  );
}
