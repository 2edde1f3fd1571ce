import { Fieldset, Grid, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { command } from '../../api/commands';
import type { PupilDto } from '../../api/types';
import { COUNTRY_OPTIONS, FRANCE } from '../../lib/countries';
import { SEX_OPTIONS } from '../../lib/labels';
import type { RecordSaver } from '../../lib/use-record-save';
import { useDraft } from '../../lib/use-draft';
import { draftOf, identityChanges, type IdentityDraft as Draft, type Identity } from '../../lib/identity';
import { FormSection } from '../FormSection';

export function GeneralTab({ pupil, saver }: { pupil: PupilDto; saver: RecordSaver }) {
  const identity = pupil.identity as Identity;
  const [draft, patch] = useDraft<Draft>(draftOf(identity));
  const [ineDraft, patchIne] = useDraft({ ine: pupil.ine ?? '' });
  const ine = ineDraft.ine;
  const setIne = (value: string) => patchIne({ ine: value });
  const set = (key: keyof Draft) => (value: string) => patch({ [key]: value } as Partial<Draft>);
  const input = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key)(e.currentTarget.value),
  });
  const inFrance = draft.country === FRANCE;

  const saveIdentity = () => {
    const changes = identityChanges(identity, draft);
    const sends =
      Object.keys(changes).length === 0
        ? []
        : [command('CorrectPupilIdentity', { uai: pupil.uai, pupilId: pupil.pupilId, ...changes })];
    void saver.save('identity', sends, 'L’identité de l’élève est enregistrée.');
  };

  const saveIne = () => {
    const value = ine.trim().toUpperCase();
    const sends =
      value === (pupil.ine ?? '') || value === ''
        ? []
        : [command('AssignNationalId', { uai: pupil.uai, pupilId: pupil.pupilId, ine: value })];
    void saver.save('ine', sends, 'L’INE est enregistré.');
  };

  return (
    <Grid>
      <Grid.Col span={8}>
        <FormSection
          title="Identité"
          onSubmit={saveIdentity}
          saving={saver.saving === 'identity'}
          error={saver.errors.identity}
          testId="form-identity"
        >
          <SimpleGrid cols={3}>
            <TextInput label="Nom" required data-field="identity.lastName" {...input('lastName')} />
            <TextInput label="Nom d’usage" data-field="identity.usageName" {...input('usageName')} />
            <Select
              label="Sexe"
              required
              data-field="identity.sex"
              data={SEX_OPTIONS}
              value={draft.sex || null}
              onChange={(v) => set('sex')(v ?? '')}
              allowDeselect={false}
            />
            <TextInput label="Prénom" required data-field="identity.firstName" {...input('firstName')} />
            <TextInput label="2e prénom" data-field="identity.firstName2" {...input('firstName2')} />
            <TextInput label="3e prénom" data-field="identity.firstName3" {...input('firstName3')} />
            <TextInput label="Date de naissance" type="date" required data-field="identity.birthDate" {...input('birthDate')} />
            <Select
              label="Nationalité"
              searchable
              clearable
              data-field="identity.nationality"
              data={COUNTRY_OPTIONS}
              value={draft.nationality || null}
              onChange={(v) => set('nationality')(v ?? '')}
              nothingFoundMessage="Aucun pays"
            />
          </SimpleGrid>
          <Fieldset legend="Lieu de naissance" variant="filled">
            <SimpleGrid cols={2}>
              <Select
                label="Pays"
                searchable
                clearable
                data-field="identity.birthPlace.country"
                data={COUNTRY_OPTIONS}
                value={draft.country || null}
                onChange={(v) => set('country')(v ?? '')}
                nothingFoundMessage="Aucun pays"
                description="Code pays INSEE"
              />
              <TextInput
                label={inFrance ? 'Commune' : 'Ville'}
                data-field="identity.birthPlace.city"
                description={inFrance ? 'Nom de la commune (il figure dans le fichier ONDE)' : 'Obligatoire à l’étranger'}
                {...input('city')}
              />
              <TextInput
                label="Département"
                data-field="identity.birthPlace.department"
                description="Pour une naissance en France, ex. 075"
                disabled={Boolean(draft.country) && !inFrance}
                {...input('department')}
              />
              <TextInput
                label="Code commune INSEE"
                data-field="identity.birthPlace.communeCode"
                description="Facultatif, ex. 75056"
                disabled={Boolean(draft.country) && !inFrance}
                {...input('communeCode')}
              />
            </SimpleGrid>
          </Fieldset>
        </FormSection>
      </Grid.Col>
      <Grid.Col span={4}>
        <Stack>
          <FormSection
            title="Identifiant national (INE)"
            onSubmit={saveIne}
            saving={saver.saving === 'ine'}
            error={saver.errors.ine}
            submitLabel="Attribuer l’INE"
          >
            <TextInput
              label="INE"
              data-field="ine"
              value={ine}
              onChange={(e) => setIne(e.currentTarget.value)}
              description="Attribué par ONDE ou SIECLE ; d’ordinaire importé (onde.extraction)"
            />
          </FormSection>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              Identifiant Liaison : {pupil.pupilId}
            </Text>
            <Text size="sm" c="dimmed">
              Identifiant SIECLE : {pupil.siecleId ?? '—'}
            </Text>
          </Stack>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
