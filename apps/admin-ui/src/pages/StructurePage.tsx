import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { command, type UiCommand } from '../api/commands';
import type { ClassDto } from '../api/types';
import { useAuth } from '../auth';
import { CloseClassButton } from '../components/CloseClassButton';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormSection } from '../components/FormSection';
import { Gyrophare } from '../components/Gyrophare';
import { NewClassForm } from '../components/NewClassForm';
import { StaleAlert } from '../components/StaleAlert';
import { groupAnomalies } from '../lib/anomalies';
import { focusField } from '../lib/focus-field';
import { CONTRACT_LABELS, frenchDate, yearLabel } from '../lib/labels';
import { useRecordSave } from '../lib/use-record-save';
import { useDraft } from '../lib/use-draft';
import { useAnomalies, useNomenclature, useSchool } from '../lib/use-school';

const CONTRACT_OPTIONS = Object.entries(CONTRACT_LABELS).map(([value, label]) => ({ value, label }));

/** The commands that turn a class into the draft, in a sensible order (saved as one batch). */
export function classCommands(
  cls: ClassDto,
  draft: { label: string; rectoratCode: string; contractType: string; classType: string; formations: string[] },
): UiCommand[] {
  const ref = { uai: cls.uai, year: cls.year, classCode: cls.classCode };
  const out: UiCommand[] = [];
  if (draft.label.trim() && draft.label.trim() !== cls.label)
    out.push(command('RenameClass', { ...ref, label: draft.label.trim() }));
  if (draft.rectoratCode.trim() && draft.rectoratCode.trim() !== (cls.rectoratCode ?? '')) {
    out.push(command('CodeClass', { ...ref, rectoratCode: draft.rectoratCode.trim() }));
  }
  if (draft.contractType && draft.contractType !== (cls.contractType ?? '')) {
    out.push(command('SetClassContract', { ...ref, contractType: draft.contractType as 'association' }));
  }
  if (draft.classType && draft.classType !== (cls.classType ?? '')) {
    out.push(command('SetClassType', { ...ref, classType: draft.classType }));
  }
  for (const code of draft.formations.filter((f) => !cls.formations.includes(f))) {
    out.push(command('AssignFormation', { ...ref, formationCode: code }));
  }
  for (const code of cls.formations.filter((f) => !draft.formations.includes(f))) {
    out.push(command('UnassignFormation', { ...ref, formationCode: code }));
  }
  return out;
}

function ClassEditor({
  uai,
  year,
  classCode,
  field,
  onClose,
}: {
  uai: string;
  year: number;
  classCode: string;
  field?: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const nomenclature = useNomenclature(uai, year);
  const resource = useQuery({
    queryKey: ['class', uai, year, classCode],
    queryFn: () => api.classWithEtag(uai, year, classCode),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  const reload = useCallback(async () => {
    await Promise.all([
      queryClient.refetchQueries({ queryKey: ['class', uai, year, classCode] }),
      queryClient.invalidateQueries({ queryKey: ['classes', uai] }),
      queryClient.invalidateQueries({ queryKey: ['anomalies', uai] }),
    ]);
  }, [queryClient, uai, year, classCode]);
  const saver = useRecordSave(resource.data?.etag, reload);
  const cls = resource.data?.data;
  const [draft, patchDraft] = useDraft({
    label: cls?.label ?? '',
    rectoratCode: cls?.rectoratCode ?? '',
    contractType: cls?.contractType ?? '',
    classType: cls?.classType ?? '',
    formations: cls?.formations ?? [],
  });
  const setDraft = (next: typeof draft) => patchDraft(next);

  const loaded = Boolean(cls);
  useEffect(() => {
    if (!loaded || !field) return;
    const timer = setTimeout(() => focusField(field), 120);
    return () => clearTimeout(timer);
  }, [loaded, field]);

  if (resource.error) return <ErrorAlert error={resource.error} />;
  if (!cls) return <Skeleton h={260} />;

  const submit = async () => {
    const commands = classCommands(cls, draft);
    const ok = await saver.save('class', commands, `La classe ${cls.classCode} est enregistrée.`);
    if (ok && commands.length > 0) onClose();
  };

  return (
    <Stack>
      {saver.stale && (
        <StaleAlert info={saver.stale} onReload={() => void saver.reloadAfterStale()} reloading={saver.reloading} />
      )}
      <FormSection
        title={`Classe ${cls.classCode}`}
        onSubmit={() => void submit()}
        saving={saver.saving === 'class'}
        error={saver.errors.class}
        testId="form-class"
        extra={<CloseClassButton cls={cls} saver={saver} onClosed={onClose} />}
      >
        <SimpleGrid cols={2}>
          <TextInput
            label="Libellé"
            required
            data-field="label"
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })}
          />
          <TextInput
            label="Code rectorat"
            description="Code libre de 1 à 8 caractères, connu du rectorat"
            maxLength={8}
            data-field="rectoratCode"
            value={draft.rectoratCode}
            onChange={(e) => setDraft({ ...draft, rectoratCode: e.currentTarget.value })}
          />
          <Select
            label="Type de contrat"
            data={CONTRACT_OPTIONS}
            data-field="contractType"
            value={draft.contractType || null}
            onChange={(v) => setDraft({ ...draft, contractType: v ?? '' })}
            allowDeselect={false}
          />
          <Select
            label="Type de classe"
            data={nomenclature.classTypes}
            data-field="classType"
            value={draft.classType || null}
            onChange={(v) => setDraft({ ...draft, classType: v ?? '' })}
            allowDeselect={false}
          />
        </SimpleGrid>
        <MultiSelect
          label="Formations"
          description="Une classe à plusieurs niveaux en a plusieurs"
          data={nomenclature.formations}
          data-field="formations"
          value={draft.formations}
          onChange={(v) => setDraft({ ...draft, formations: v })}
          searchable
        />
      </FormSection>
    </Stack>
  );
}

export function StructurePage() {
  const { uai, year, establishment } = useSchool();
  const { canWrite } = useAuth();
  const [params, setParams] = useSearchParams();
  const editing = params.get('classe');
  const creating = params.get('nouvelle') === '1';
  const setCreating = (on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set('nouvelle', '1');
    else next.delete('nouvelle');
    setParams(next, { replace: true });
  };
  const field = params.get('champ') ?? undefined;
  const classes = useQuery({ queryKey: ['classes', uai, year], queryFn: () => api.classes(uai, year) });
  const nomenclature = useNomenclature(uai, year);
  const anomalies = useAnomalies(uai, year);
  const byClass = useMemo(
    () =>
      new Map(
        groupAnomalies(anomalies.data ?? [])
          .filter((g) => g.kind === 'class')
          .map((g) => [g.id, g]),
      ),
    [anomalies.data],
  );

  const open = (code: string | null) => {
    const next = new URLSearchParams(params);
    if (code) next.set('classe', code);
    else {
      next.delete('classe');
      next.delete('champ');
    }
    setParams(next, { replace: true });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Structure — {yearLabel(year)}</Title>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Nouvelle classe
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">
        Les classes de l’année, avec ce que le rectorat en attend : code rectorat, type de contrat, type de classe et formations.
      </Text>
      <ErrorAlert error={classes.error} />
      {classes.isLoading && <Skeleton h={300} />}
      {classes.data && classes.data.length === 0 && <Alert>Aucune classe en {yearLabel(year)}.</Alert>}
      {classes.data && classes.data.length > 0 && (
        <Table highlightOnHover striped aria-label="Classes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} aria-label="Anomalies" />
              <Table.Th>Code</Table.Th>
              <Table.Th>Libellé</Table.Th>
              <Table.Th>Code rectorat</Table.Th>
              <Table.Th>Contrat</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Formations</Table.Th>
              <Table.Th>Effectif</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {classes.data.map((c) => {
              const a = byClass.get(c.classCode);
              return (
                <Table.Tr key={c.classCode} data-testid={`class-row-${c.classCode}`}>
                  <Table.Td>{a && <Gyrophare errors={a.errors} warnings={a.warnings} />}</Table.Td>
                  <Table.Td fw={600}>{c.classCode}</Table.Td>
                  <Table.Td>
                    {c.label}
                    {c.closedOn && (
                      <Badge ml="xs" color="gray" size="xs">
                        fermée le {frenchDate(c.closedOn)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.rectoratCode ?? (
                      <Text c="red.7" size="sm">
                        manquant
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{c.contractType ? (CONTRACT_LABELS[c.contractType] ?? c.contractType) : '—'}</Table.Td>
                  <Table.Td>{nomenclature.labelOf('classType', c.classType)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.formations.map((f) => (
                        <Badge key={f} variant="outline" size="sm">
                          {f}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.headCount}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => open(c.classCode)}
                      disabled={!canWrite}
                      aria-label={`Modifier la classe ${c.classCode}`}
                    >
                      Modifier
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="Nouvelle classe" size="lg">
        {creating && (
          <NewClassForm uai={uai} year={year} contract={establishment?.contract} onCreated={() => setCreating(false)} />
        )}
      </Modal>
      <Modal opened={Boolean(editing)} onClose={() => open(null)} title="Modifier la classe" size="lg">
        {editing && (
          <ClassEditor key={editing} uai={uai} year={year} classCode={editing} field={field} onClose={() => open(null)} />
        )}
      </Modal>
    </Stack>
  );
}
