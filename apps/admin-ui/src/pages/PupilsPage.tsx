import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { useAuth } from '../auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { Gyrophare } from '../components/Gyrophare';
import { NewPupilForm } from '../components/pupil/NewPupilForm';
import { anomaliesByPupil } from '../lib/anomalies';
import { frenchDate, STATUS_LABELS, yearLabel } from '../lib/labels';
import { useAnomalies, useNomenclature, useSchool } from '../lib/use-school';

const PAGE = 200;

export function PupilsPage() {
  const { uai, year, base } = useSchool();
  const { canWrite } = useAuth();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const status = params.get('statut') ?? '';
  const classCode = params.get('classe') ?? '';
  const formationCode = params.get('formation') ?? '';
  const onlyAnomalies = params.get('anomalies') === '1';
  const [limit, setLimit] = useState(PAGE);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const filters = {
    q: debouncedQ.trim() || undefined,
    status: status || undefined,
    classCode: classCode || undefined,
    formationCode: formationCode || undefined,
  };
  const pupils = useQuery({
    queryKey: ['pupils', uai, year, filters],
    queryFn: () => api.pupils(uai, year, filters),
    placeholderData: keepPreviousData,
  });
  const classes = useQuery({ queryKey: ['classes', uai, year], queryFn: () => api.classes(uai, year) });
  const nomenclature = useNomenclature(uai, year);
  const anomalies = useAnomalies(uai, year);
  const byPupil = useMemo(() => new Map(anomaliesByPupil(anomalies.data ?? []).map((g) => [g.id, g])), [anomalies.data]);

  const rows = (pupils.data ?? []).filter((p) => !onlyAnomalies || byPupil.has(p.pupilId));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Élèves — {yearLabel(year)}</Title>
        <Group>
          {pupils.data && (
            <Text c="dimmed" size="sm" aria-live="polite">
              {rows.length} élève(s)
            </Text>
          )}
          {canWrite && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setParam('nouveau', '1')}>
              Inscrire un élève
            </Button>
          )}
        </Group>
      </Group>
      <Modal opened={params.get('nouveau') === '1'} onClose={() => setParam('nouveau', '')} title="Inscrire un élève" size="xl">
        <NewPupilForm uai={uai} year={year} base={base} />
      </Modal>
      <Group align="flex-end" gap="sm" role="search">
        <TextInput
          label="Rechercher"
          placeholder="Nom, prénom ou INE"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setParam('q', e.currentTarget.value);
          }}
          w={260}
        />
        <Select
          label="Statut"
          w={150}
          clearable
          placeholder="Tous"
          data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={status || null}
          onChange={(v) => setParam('statut', v ?? '')}
        />
        <Select
          label="Classe"
          w={180}
          clearable
          searchable
          placeholder="Toutes"
          data={(classes.data ?? []).map((c) => ({ value: c.classCode, label: c.classCode }))}
          value={classCode || null}
          onChange={(v) => setParam('classe', v ?? '')}
        />
        <Select
          label="Formation"
          w={200}
          clearable
          searchable
          placeholder="Toutes"
          data={nomenclature.formations}
          value={formationCode || null}
          onChange={(v) => setParam('formation', v ?? '')}
        />
        <Checkbox
          mb={8}
          label="Avec anomalies seulement"
          checked={onlyAnomalies}
          onChange={(e) => setParam('anomalies', e.currentTarget.checked ? '1' : '')}
        />
      </Group>
      <ErrorAlert error={pupils.error} />
      {pupils.isLoading ? (
        <Skeleton h={400} />
      ) : (
        <Table highlightOnHover stickyHeader striped aria-label="Élèves">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} aria-label="Anomalies" />
              <Table.Th>Nom</Table.Th>
              <Table.Th>Prénom</Table.Th>
              <Table.Th>Né(e) le</Table.Th>
              <Table.Th>Classe</Table.Th>
              <Table.Th>Formation</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th>INE</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, limit).map((p) => {
              const a = byPupil.get(p.pupilId);
              return (
                <Table.Tr
                  key={p.pupilId}
                  className="clickable-row"
                  data-testid={`pupil-row-${p.pupilId}`}
                  onClick={() => navigate(`${base}/eleves/${p.pupilId}`)}
                >
                  <Table.Td>{a && <Gyrophare errors={a.errors} warnings={a.warnings} />}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`${base}/eleves/${p.pupilId}`} fw={500} onClick={(e) => e.stopPropagation()}>
                      {p.lastName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.firstName}</Table.Td>
                  <Table.Td>{frenchDate(p.birthDate)}</Table.Td>
                  <Table.Td>
                    {p.classCode ?? (
                      <Text c="orange.8" size="sm">
                        sans classe
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{p.formationCode ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={p.status === 'inscrit' ? 'indigo' : p.status === 'preinscrit' ? 'cyan' : 'gray'}
                    >
                      {STATUS_LABELS[p.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {p.ine ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {rows.length > limit && (
        <Anchor component="button" type="button" onClick={() => setLimit((l) => l + PAGE)}>
          Afficher {Math.min(PAGE, rows.length - limit)} élève(s) de plus ({rows.length - limit} restant(s))
        </Anchor>
      )}
    </Stack>
  );
}
