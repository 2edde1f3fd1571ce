import { Badge, Button, Group, Modal, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { GUARDIAN_LINK_LABELS } from '@liaison/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { command, type PayloadOf } from '../../api/commands';
import type { GuardianDto, PupilDto } from '../../api/types';
import { COUNTRY_OPTIONS } from '../../lib/countries';
import { CIVILITY_OPTIONS } from '../../lib/labels';
import type { RecordSaver } from '../../lib/use-record-save';
import { useDraft } from '../../lib/use-draft';
import { useAuth } from '../../auth';
import { ErrorAlert } from '../ErrorAlert';
import { FormSection } from '../FormSection';
import { GuardianRelationFields } from './GuardianRelationFields';
import { NewGuardianForm } from './NewGuardianForm';

type Relation = PupilDto['guardians'][number];
interface Person {
  civility?: string;
  lastName?: string;
  firstName?: string;
  usageName?: string;
  address?: { line1?: string; line2?: string; postalCode?: string; commune?: string; country?: string };
  phone?: string;
  mobile?: string;
  email?: string;
  profession?: string;
}

const PERSON_TEXT = ['civility', 'lastName', 'firstName', 'usageName', 'phone', 'mobile', 'email', 'profession'] as const;
const ADDRESS = ['line1', 'line2', 'postalCode', 'commune', 'country'] as const;
const OPTIONAL = new Set(['usageName', 'phone', 'mobile', 'email', 'profession']);

function draftOf(relation: Relation, person: Person) {
  return {
    ...Object.fromEntries(PERSON_TEXT.map((f) => [f, person[f] ?? ''])),
    ...Object.fromEntries(ADDRESS.map((f) => [f, person.address?.[f] ?? ''])),
    link: relation.link,
    legalLevel: String(relation.legalLevel),
    parentalAuthority: relation.parentalAuthority,
    livesWith: relation.livesWith ?? false,
  } as Record<(typeof PERSON_TEXT)[number] | (typeof ADDRESS)[number] | 'link' | 'legalLevel', string> & {
    parentalAuthority: boolean;
    livesWith: boolean;
  };
}

type Draft = ReturnType<typeof draftOf>;

/** The CorrectGuardian fields that differ from the record (person and relation). */
type GuardianCorrection = Omit<PayloadOf<'CorrectGuardian'>['guardian'], 'guardianId'>;

export function guardianChanges(relation: Relation, person: Person, draft: Draft): Partial<GuardianCorrection> {
  const changes: Record<string, unknown> = {};
  for (const f of PERSON_TEXT) {
    const after = draft[f].trim();
    if ((person[f] ?? '') !== after) changes[f] = after === '' && OPTIONAL.has(f) ? null : after;
  }
  const address: Record<string, string> = {};
  for (const f of ADDRESS) if (draft[f].trim()) address[f] = draft[f].trim();
  if (ADDRESS.some((f) => (person.address?.[f] ?? '') !== (address[f] ?? ''))) changes.address = address;
  if (draft.link !== relation.link) changes.link = draft.link;
  if (Number(draft.legalLevel) !== relation.legalLevel) changes.legalLevel = Number(draft.legalLevel);
  if (draft.parentalAuthority !== relation.parentalAuthority) changes.parentalAuthority = draft.parentalAuthority;
  if (draft.livesWith !== (relation.livesWith ?? false)) changes.livesWith = draft.livesWith;
  return changes as Partial<GuardianCorrection>;
}

function GuardianForm({
  pupil,
  relation,
  guardian,
  saver,
}: {
  pupil: PupilDto;
  relation: Relation;
  guardian: GuardianDto;
  saver: RecordSaver;
}) {
  const person = guardian.person as Person;
  const [draft, patch] = useDraft<Draft>(draftOf(relation, person));
  const setDraft = (update: (d: Draft) => Draft) => patch(update(draft));
  const section = `guardian-${relation.guardianId}`;
  const f = (name: string) => `guardians.${relation.guardianId}.${name}`;
  const text = (key: keyof Draft) => ({
    value: String(draft[key]),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setDraft((d) => ({ ...d, [key]: value }));
    },
  });
  const submit = () => {
    const changes = guardianChanges(relation, person, draft);
    const sends =
      Object.keys(changes).length === 0
        ? []
        : [
            command('CorrectGuardian', {
              uai: pupil.uai,
              pupilId: pupil.pupilId,
              guardian: { guardianId: relation.guardianId, ...changes },
            }),
          ];
    void saver.save(section, sends, `Le responsable ${person.lastName ?? ''} ${person.firstName ?? ''} est enregistré.`);
  };
  const siblings = guardian.children.filter((c) => c.pupilId !== pupil.pupilId);
  return (
    <FormSection
      title={`${GUARDIAN_LINK_LABELS[relation.link] ?? 'Responsable'} — ${person.lastName ?? ''} ${person.firstName ?? ''}`}
      onSubmit={submit}
      saving={saver.saving === section}
      error={saver.errors[section]}
      testId={section}
      extra={<RemoveGuardianButton pupil={pupil} relation={relation} person={person} saver={saver} />}
    >
      {siblings.length > 0 && (
        <Text size="xs" c="dimmed">
          Aussi responsable de : {siblings.map((c) => `${c.lastName} ${c.firstName}`).join(', ')} — une correction de la personne
          vaut pour toute la fratrie.
        </Text>
      )}
      <GuardianRelationFields draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} field={f} />
      <SimpleGrid cols={4}>
        <Select
          label="Civilité"
          data={CIVILITY_OPTIONS}
          data-field={f('civility')}
          value={draft.civility || null}
          allowDeselect={false}
          onChange={(v) => v && setDraft((d) => ({ ...d, civility: v }))}
        />
        <TextInput label="Nom" data-field={f('lastName')} {...text('lastName')} />
        <TextInput label="Nom d’usage" data-field={f('usageName')} {...text('usageName')} />
        <TextInput label="Prénom" data-field={f('firstName')} {...text('firstName')} />
      </SimpleGrid>
      <SimpleGrid cols={4}>
        <TextInput label="Adresse" data-field={f('address')} {...text('line1')} />
        <TextInput label="Complément" {...text('line2')} />
        <TextInput label="Code postal" {...text('postalCode')} />
        <TextInput label="Commune" {...text('commune')} />
        <Select
          label="Pays"
          searchable
          data={COUNTRY_OPTIONS}
          value={draft.country || null}
          onChange={(v) => setDraft((d) => ({ ...d, country: v ?? '' }))}
        />
        <TextInput label="Téléphone" type="tel" data-field={f('phone')} {...text('phone')} />
        <TextInput label="Portable" type="tel" data-field={f('mobile')} {...text('mobile')} />
        <TextInput label="Courriel" type="email" data-field={f('email')} {...text('email')} />
        <TextInput label="Profession (PCS)" data-field={f('profession')} description="2 chiffres" {...text('profession')} />
      </SimpleGrid>
    </FormSection>
  );
}

function GuardianLoader({ pupil, relation, saver }: { pupil: PupilDto; relation: Relation; saver: RecordSaver }) {
  const guardian = useQuery({
    queryKey: ['guardian', pupil.uai, relation.guardianId, relation.version],
    queryFn: () => api.guardian(pupil.uai, relation.guardianId),
    // Keep the form (and what the user typed) while a new version loads.
    placeholderData: keepPreviousData,
  });
  if (guardian.error) return <ErrorAlert error={guardian.error} />;
  if (!guardian.data) return <Skeleton h={240} />;
  return <GuardianForm pupil={pupil} relation={relation} guardian={guardian.data} saver={saver} />;
}

/** « Retirer » a guardian from this pupil, after a confirmation; the person stays for the siblings. */
function RemoveGuardianButton({
  pupil,
  relation,
  person,
  saver,
}: {
  pupil: PupilDto;
  relation: Relation;
  person: Person;
  saver: RecordSaver;
}) {
  const { canWrite } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const section = `remove-${relation.guardianId}`;
  const name = `${person.lastName ?? ''} ${person.firstName ?? ''}`.trim();
  const remove = async () => {
    const ok = await saver.save(
      section,
      [command('RemoveGuardian', { uai: pupil.uai, pupilId: pupil.pupilId, guardianId: relation.guardianId })],
      `${name} n’est plus responsable de l’élève.`,
    );
    if (ok) setConfirming(false);
  };
  return (
    <>
      <Button variant="subtle" color="red" disabled={!canWrite} onClick={() => setConfirming(true)}>
        Retirer
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Retirer ce responsable ?">
        <Stack>
          <Text size="sm">
            {name} ne sera plus responsable de cet élève. S’il l’est d’un frère ou d’une sœur, il le reste. Le retrait figure dans
            l’historique.
          </Text>
          <ErrorAlert error={saver.errors[section]} title="Non retiré" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
            <Button color="red" loading={saver.saving === section} onClick={() => void remove()}>
              Retirer {name}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function GuardiansTab({ pupil, saver }: { pupil: PupilDto; saver: RecordSaver }) {
  const { canWrite } = useAuth();
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      {pupil.guardians.length === 0 ? (
        <Text c="dimmed">Aucun responsable enregistré.</Text>
      ) : (
        <Group gap="xs">
          {pupil.guardians.map((g) => (
            <Badge key={g.guardianId} variant="light">
              {g.guardianId}
            </Badge>
          ))}
        </Group>
      )}
      {pupil.guardians.map((g) => (
        <GuardianLoader key={g.guardianId} pupil={pupil} relation={g} saver={saver} />
      ))}
      {adding ? (
        <NewGuardianForm pupil={pupil} saver={saver} onAdded={() => setAdding(false)} />
      ) : (
        canWrite && (
          <Group>
            <Button variant="light" onClick={() => setAdding(true)}>
              Ajouter un responsable
            </Button>
          </Group>
        )
      )}
    </Stack>
  );
}
