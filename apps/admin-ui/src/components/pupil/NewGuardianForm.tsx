import { Checkbox, Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { GUARDIAN_LEGAL_LEVELS, GUARDIAN_LINK_LABELS, GUARDIAN_LINK_ORDER } from '@liaison/domain';
import { useState } from 'react';
import type { PupilDto } from '../../api/types';
import { COUNTRY_OPTIONS } from '../../lib/countries';
import { newEntityId } from '../../lib/new-id';
import { addGuardianCommand, EMPTY_GUARDIAN, type NewGuardianDraft } from '../../lib/new-guardian';
import type { RecordSaver } from '../../lib/use-record-save';
import { FormSection } from '../FormSection';

const LINK_OPTIONS = GUARDIAN_LINK_ORDER.map((code) => ({ value: code, label: GUARDIAN_LINK_LABELS[code] ?? code }));
const LEGAL_LEVELS = Object.entries(GUARDIAN_LEGAL_LEVELS).map(([value, label]) => ({ value, label: `${value} — ${label}` }));

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
      <Fieldset legend="Lien avec l’élève" variant="filled">
        <SimpleGrid cols={4}>
          <Select
            label="Lien de parenté"
            required
            data={LINK_OPTIONS}
            value={draft.link || null}
            onChange={(v) => setDraft((d) => ({ ...d, link: v ?? '' }))}
          />
          <Select
            label="Niveau"
            data={LEGAL_LEVELS}
            value={draft.legalLevel}
            allowDeselect={false}
            onChange={(v) => v && setDraft((d) => ({ ...d, legalLevel: v }))}
          />
          <Checkbox
            mt="xl"
            label="Autorité parentale"
            checked={draft.parentalAuthority}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setDraft((d) => ({ ...d, parentalAuthority: checked }));
            }}
          />
          <Checkbox
            mt="xl"
            label="Vit avec l’élève"
            checked={draft.livesWith}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setDraft((d) => ({ ...d, livesWith: checked }));
            }}
          />
        </SimpleGrid>
      </Fieldset>
      <SimpleGrid cols={3}>
        <Select
          label="Civilité"
          required
          data={[
            { value: 'MME', label: 'Madame' },
            { value: 'M.', label: 'Monsieur' },
          ]}
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
