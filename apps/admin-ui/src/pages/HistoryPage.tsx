import {
  ActionIcon,
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Slider,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconClock } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { EventDto } from '../api/types';
import { ChangeList } from '../components/ChangeList';
import { ErrorAlert } from '../components/ErrorAlert';
import {
  CONTRACT_LABELS,
  describeStream,
  EVENT_LABELS,
  eventLabel,
  frenchDate,
  frenchDateTime,
  SOURCE_LABELS,
  STATUS_LABELS,
  STREAM_KIND_LABELS,
  yearLabel,
} from '../lib/labels';
import { useSchool } from '../lib/use-school';

const TYPE_OPTIONS = Object.entries(EVENT_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

/** The establishment's base as it was right after position `asOf` (read models with `?asOf=`). */
function BaseAt({ uai, year, asOf, head }: { uai: string; year: number; asOf: number; head: number }) {
  const [view, setView] = useState<'eleves' | 'classes'>('eleves');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const past = asOf < head ? asOf : undefined;
  const pupils = useQuery({
    queryKey: ['pupils', uai, year, { q: debouncedQ, asOf: past }],
    queryFn: () => api.pupils(uai, year, { q: debouncedQ.trim() || undefined, asOf: past }),
    placeholderData: keepPreviousData,
    enabled: view === 'eleves',
  });
  const classes = useQuery({
    queryKey: ['classes', uai, year, { asOf: past }],
    queryFn: () => api.classes(uai, year, past),
    placeholderData: keepPreviousData,
    enabled: view === 'classes',
  });
  return (
    <Stack gap="xs" data-testid="base-at">
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'eleves' | 'classes')}
          data={[
            { value: 'eleves', label: 'Élèves' },
            { value: 'classes', label: 'Classes' },
          ]}
        />
        {view === 'eleves' && (
          <TextInput
            size="xs"
            placeholder="Nom, prénom ou INE"
            aria-label="Rechercher dans la base à cette date"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={200}
          />
        )}
      </Group>
      <ErrorAlert error={pupils.error ?? classes.error} />
      <ScrollArea h={380} type="auto">
        {view === 'eleves' && pupils.data && (
          <Table striped fz="xs" aria-label="Élèves à cette date">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Élève</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th>Classe</Table.Th>
                <Table.Th>LV1</Table.Th>
                <Table.Th>Naissance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pupils.data.slice(0, 150).map((p) => (
                <Table.Tr key={p.pupilId} data-testid={`asof-pupil-${p.pupilId}`}>
                  <Table.Td>
                    {p.lastName} {p.firstName}
                  </Table.Td>
                  <Table.Td>{STATUS_LABELS[p.status]}</Table.Td>
                  <Table.Td>{p.classCode ?? '—'}</Table.Td>
                  <Table.Td data-testid="asof-lv1">{p.lv1 ?? '—'}</Table.Td>
                  <Table.Td>{frenchDate(p.birthDate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {view === 'classes' && classes.data && (
          <Table striped fz="xs" aria-label="Classes à cette date">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Classe</Table.Th>
                <Table.Th>Code rectorat</Table.Th>
                <Table.Th>Contrat</Table.Th>
                <Table.Th>Formations</Table.Th>
                <Table.Th>Effectif</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {classes.data.map((c) => (
                <Table.Tr key={c.classCode} data-testid={`asof-class-${c.classCode}`}>
                  <Table.Td>{c.classCode}</Table.Td>
                  <Table.Td data-testid="asof-rectorat">{c.rectoratCode ?? '—'}</Table.Td>
                  <Table.Td>{c.contractType ? CONTRACT_LABELS[c.contractType] : '—'}</Table.Td>
                  <Table.Td>{c.formations.join(', ')}</Table.Td>
                  <Table.Td>{c.headCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {(pupils.isLoading || classes.isLoading) && <Skeleton h={200} />}
      </ScrollArea>
    </Stack>
  );
}

function EventItem({
  e,
  base,
  names,
  onTravel,
}: {
  e: EventDto;
  base: string;
  names: ReadonlyMap<string, string>;
  onTravel: (position: number) => void;
}) {
  const { kind, id } = describeStream(e.streamId);
  return (
    <Timeline.Item
      data-testid={`event-${e.globalPosition}`}
      title={
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            {eventLabel(e.type)}
          </Text>
          <Badge size="xs" variant="outline">
            {STREAM_KIND_LABELS[kind] ?? kind} {kind === 'pupil' ? '' : id}
          </Badge>
          {kind === 'pupil' && (
            <Anchor component={Link} to={`${base}/eleves/${id}?onglet=historique`} size="xs">
              {names.get(id) ?? id}
            </Anchor>
          )}
        </Group>
      }
    >
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          #{e.globalPosition} · {frenchDateTime(e.metadata.occurredAt)} · par <b data-testid="event-actor">{e.metadata.actor}</b>{' '}
          ({SOURCE_LABELS[e.metadata.source] ?? e.metadata.source})
        </Text>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="subtle" onClick={() => onTravel(e.globalPosition - 1)}>
            Base juste avant
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => onTravel(e.globalPosition)}>
            juste après
          </Button>
        </Group>
      </Group>
      <ChangeList changes={e.changes} max={8} />
    </Timeline.Item>
  );
}

/** Historique: the event timeline with filters, and the base as it was at any position. */
export function HistoryPage() {
  const { uai, year, base } = useSchool();
  const [actor, setActor] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [pupilId, setPupilId] = useState<string | null>(null);
  const [classCode, setClassCode] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debouncedActor] = useDebouncedValue(actor.trim(), 300);

  const pupils = useQuery({ queryKey: ['pupils', uai, year, {}], queryFn: () => api.pupils(uai, year) });
  const classes = useQuery({ queryKey: ['classes', uai, year], queryFn: () => api.classes(uai, year) });
  const names = useMemo(
    () => new Map((pupils.data ?? []).map((p) => [p.pupilId, `${p.lastName} ${p.firstName}`])),
    [pupils.data],
  );
  const stream = pupilId ? `pupil-${uai}-${pupilId}` : classCode ? `class-${uai}-${year}-${classCode}` : undefined;

  const filters = { uai, stream, type: types.join(',') || undefined, actor: debouncedActor || undefined };
  const events = useInfiniteQuery({
    queryKey: ['events', filters],
    queryFn: ({ pageParam }) => api.events({ ...filters, order: 'desc', limit: 100, after: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next,
  });
  const head = events.data?.pages[0]?.head ?? 0;
  const all = useMemo(() => events.data?.pages.flatMap((p) => p.events) ?? [], [events.data]);
  const shown = all.filter((e) => {
    const day = e.metadata.occurredAt.slice(0, 10);
    return (!from || day >= from) && (!to || day <= to);
  });
  const actors = [...new Set(all.map((e) => e.metadata.actor))];

  const [position, setPosition] = useState<number>();
  const asOf = Math.min(position ?? head, head);
  const [debouncedAsOf] = useDebouncedValue(asOf, 250);
  const at = useQuery({
    queryKey: ['event-at', uai, debouncedAsOf],
    queryFn: () => api.events({ uai, asOf: debouncedAsOf, order: 'desc', limit: 1 }),
    enabled: debouncedAsOf > 0,
  });
  const lastEvent = at.data?.events[0];
  const travel = (p: number) => setPosition(Math.max(0, Math.min(head, p)));
  // Step through the events shown (filters apply), newest first in `shown`.
  const previousShown = shown.find((e) => e.globalPosition < asOf);
  const nextShown = [...shown].reverse().find((e) => e.globalPosition > asOf);

  return (
    <Stack>
      <Title order={2}>Historique</Title>
      <Card withBorder padding="sm">
        <SimpleGrid cols={6} spacing="sm" role="search" aria-label="Filtres de l’historique">
          <Autocomplete label="Utilisateur" placeholder="Tous" data={actors} value={actor} onChange={setActor} />
          <MultiSelect
            label="Type"
            placeholder="Tous"
            data={TYPE_OPTIONS}
            value={types}
            onChange={setTypes}
            searchable
            clearable
            maxValues={6}
          />
          <Select
            label="Élève"
            placeholder="Tous"
            searchable
            clearable
            data={(pupils.data ?? []).map((p) => ({ value: p.pupilId, label: `${p.lastName} ${p.firstName}` }))}
            value={pupilId}
            onChange={(v) => {
              setPupilId(v);
              if (v) setClassCode(null);
            }}
          />
          <Select
            label="Classe"
            placeholder="Toutes"
            searchable
            clearable
            data={(classes.data ?? []).map((c) => c.classCode)}
            value={classCode}
            onChange={(v) => {
              setClassCode(v);
              if (v) setPupilId(null);
            }}
          />
          <TextInput label="Du" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput label="Au" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </SimpleGrid>
      </Card>
      <Grid>
        <Grid.Col span={7}>
          <ErrorAlert error={events.error} />
          {events.isLoading && <Skeleton h={400} />}
          {events.data && (
            <Stack gap="xs">
              <Text size="sm" c="dimmed" aria-live="polite">
                {shown.length} événement(s) affiché(s){from || to ? ' (dates filtrées sur les pages chargées)' : ''}, du plus
                récent au plus ancien
              </Text>
              <ScrollArea h={600} type="auto" data-testid="timeline">
                <Timeline bulletSize={12} lineWidth={2}>
                  {shown.map((e) => (
                    <EventItem key={e.eventId} e={e} base={base} names={names} onTravel={travel} />
                  ))}
                </Timeline>
                {events.hasNextPage && (
                  <Button variant="light" mt="sm" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                    Charger les événements plus anciens
                  </Button>
                )}
              </ScrollArea>
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={5}>
          <Card withBorder>
            <Group gap="xs" mb="xs">
              <IconClock size={18} />
              <Title order={3} size="h5">
                Voyage dans le temps
              </Title>
            </Group>
            <Text size="xs" c="dimmed" mb="sm">
              La base de l’établissement telle qu’elle était juste après une position du journal.
            </Text>
            {head > 0 && (
              <Stack gap="xs">
                <Slider
                  min={1}
                  max={head}
                  step={1}
                  value={asOf}
                  onChange={travel}
                  label={(v) => `#${v}`}
                  aria-label="Position dans le temps"
                  data-testid="time-slider"
                />
                <Group gap="xs" align="flex-end">
                  <Tooltip label="Événement affiché précédent">
                    <ActionIcon
                      variant="light"
                      aria-label="Événement précédent"
                      disabled={!previousShown}
                      onClick={() => previousShown && travel(previousShown.globalPosition)}
                    >
                      <IconChevronLeft size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <NumberInput
                    label="Position"
                    value={asOf}
                    min={1}
                    max={head}
                    w={130}
                    onChange={(v) => typeof v === 'number' && travel(v)}
                    data-testid="time-position"
                  />
                  <Tooltip label="Événement affiché suivant">
                    <ActionIcon
                      variant="light"
                      aria-label="Événement suivant"
                      disabled={!nextShown}
                      onClick={() => nextShown && travel(nextShown.globalPosition)}
                    >
                      <IconChevronRight size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Button variant="subtle" onClick={() => setPosition(undefined)} disabled={asOf >= head}>
                    Maintenant
                  </Button>
                </Group>
                <Text size="sm" data-testid="time-label">
                  {asOf >= head ? 'Maintenant' : `Au ${lastEvent ? frenchDateTime(lastEvent.metadata.occurredAt) : '…'}`} —
                  position #{asOf} sur {head}
                  {lastEvent && asOf < head ? `, après « ${eventLabel(lastEvent.type)} » par ${lastEvent.metadata.actor}` : ''}
                </Text>
                {debouncedAsOf > 0 && <BaseAt uai={uai} year={year} asOf={debouncedAsOf} head={head} />}
                <Text size="xs" c="dimmed">
                  {yearLabel(year)}
                </Text>
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
