import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PupilDto } from '../../api/types';
import { COUNTRY_OPTIONS } from '../../lib/countries';
import { CIVILITY_OPTIONS } from '../../lib/labels';
import { newEntityId } from '../../lib/new-id';
import { addGuardianCommand, EMPTY_GUARDIAN, type NewGuardianDraft } from '../../lib/new-guardian';
import type { RecordSaver } from '../../lib/use-record-save';
import { FormSection } from '../FormSection';
import { GuardianRelationFields } from './GuardianRelationFields';

/**
 * « Ajouter un responsable »: a new person for this pupil, saved with the record's ETag like any
 * edit. A parent already known through a brother or sister is linked by the import of the
 * responsables file or the API (`AddGuardian` with the known `guardianId`).
 */
export function NewGuardianForm({ pupil, saver, onAdded }: { pupil: PupilDto; saver: RecordSaver; onAdded: () => void }) {
  const [draft, setDraft] = useState<NewGuardianDraft>(EMPTY_GUARDIAN);
  // One id per form: a retry after a refusal (nothing written) sends the same person.
  const [guardianId] = useState(() => newEntityId('G'));
  const text = (key: keyof NewGuardianDraft) => ({
    name: `guardian.${key}`,
    value: String(draft[key]),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
  });
  const submit = async () => {
    const ok = await saver.save(
      'new-guardian',
      [addGuardianCommand(pupil, guardianId, draft)],
      `${draft.lastName.trim()} ${draft.firstName.trim()} est ajouté(e) aux responsables de l’élève.`,
    );
    if (ok) onAdded();
  };
  return (
    <FormSection
      title="Nouveau responsable"
      onSubmit={() => void submit()}
      saving={saver.saving === 'new-guardian'}
      error={saver.errors['new-guardian']}
      submitLabel="Ajouter le responsable"
      testId="form-new-guardian"
    >
      <GuardianRelationFields draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
      <SimpleGrid cols={3}>
        <Select
          label="Civilité"
          required
          data={CIVILITY_OPTIONS}
          value={draft.civility || null}
          allowDeselect={false}
          onChange={(v) => v && setDraft((d) => ({ ...d, civility: v }))}
        />
        <TextInput label="Nom" required {...text('lastName')} />
        <TextInput label="Prénom" required {...text('firstName')} />
        <TextInput label="Adresse" required {...text('line1')} />
        <TextInput label="Code postal" {...text('postalCode')} />
        <TextInput label="Commune" required {...text('commune')} />
        <Select
          label="Pays"
          searchable
          allowDeselect={false}
          data={COUNTRY_OPTIONS}
          value={draft.country}
          onChange={(v) => v && setDraft((d) => ({ ...d, country: v }))}
        />
        <TextInput label="Téléphone" type="tel" {...text('phone')} />
        <TextInput label="Portable" type="tel" {...text('mobile')} />
        <TextInput label="Courriel" type="email" {...text('email')} />
      </SimpleGrid>
    </FormSection>
  );
}
