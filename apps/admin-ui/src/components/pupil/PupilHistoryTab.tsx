import {
  Badge,
  Card,
  Grid,
  Group,
  Paper,
  ScrollArea,
  Skeleton,
  Slider,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import type { PupilState } from '@liaison/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { PupilDto } from '../../api/types';
import { foldStream } from '../../lib/fold';
import { eventLabel, fieldLabel, frenchDateTime, showValue, SOURCE_LABELS, STATUS_LABELS, yearLabel } from '../../lib/labels';
import { ChangeList } from '../ChangeList';
import { ErrorAlert } from '../ErrorAlert';

/** The pupil's history (its stream and its guardians'), and the record as it was at any of its events. */
export function PupilHistoryTab({ pupil }: { pupil: PupilDto }) {
  const history = useQuery({
    queryKey: ['pupil-history', pupil.uai, pupil.pupilId],
    queryFn: () => api.pupilHistory(pupil.uai, pupil.pupilId),
  });
  const streamId = `pupil-${pupil.uai}-${pupil.pupilId}`;
  const events = useMemo(() => history.data?.events ?? [], [history.data]);
  const own = useMemo(() => events.filter((e) => e.streamId === streamId), [events, streamId]);
  const [index, setIndex] = useState<number>();
  const at = index ?? own.length - 1;
  const position = own[at]?.globalPosition;
  const state = useMemo(
    () => (position === undefined ? undefined : foldStream<PupilState>(own, streamId, position)),
    [own, streamId, position],
  );

  if (history.error) return <ErrorAlert error={history.error} />;
  if (!history.data) return <Skeleton h={300} />;

  return (
    <Grid>
      <Grid.Col span={7}>
        <Title order={3} size="h5" mb="sm">
          {events.length} événement(s), du plus récent au plus ancien
        </Title>
        <ScrollArea h={560} type="auto">
          <Timeline bulletSize={14} lineWidth={2} active={events.length}>
            {[...events].reverse().map((e) => (
              <Timeline.Item
                key={e.eventId}
                title={
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {eventLabel(e.type)}
                    </Text>
                    {e.streamId !== streamId && (
                      <Badge size="xs" variant="light">
                        responsable
                      </Badge>
                    )}
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  #{e.globalPosition} · {frenchDateTime(e.metadata.occurredAt)} · par <b>{e.metadata.actor}</b> (
                  {SOURCE_LABELS[e.metadata.source] ?? e.metadata.source})
                </Text>
                <ChangeList changes={e.changes} max={6} />
              </Timeline.Item>
            ))}
          </Timeline>
        </ScrollArea>
      </Grid.Col>
      <Grid.Col span={5}>
        <Card withBorder>
          <Title order={3} size="h5">
            La fiche à une date passée
          </Title>
          <Text size="xs" c="dimmed" mb="md">
            Calculée dans le navigateur en rejouant les événements de l’élève avec les règles du domaine.
          </Text>
          {own.length > 0 && (
            <Slider
              min={0}
              max={own.length - 1}
              step={1}
              value={at}
              onChange={setIndex}
              label={(i) => `#${own[i]?.globalPosition}`}
              marks={own.length <= 12 ? own.map((_, i) => ({ value: i })) : undefined}
              aria-label="Position dans l’historique de l’élève"
              mb="lg"
            />
          )}
          {own[at] && (
            <Text size="sm" mb="xs">
              Après « {eventLabel(own[at].type)} » du {frenchDateTime(own[at].metadata.occurredAt)} (#{own[at].globalPosition})
            </Text>
          )}
          {state?.identity && (
            <Paper withBorder p="xs">
              <Table>
                <Table.Tbody>
                  {Object.entries(state.identity).map(([k, v]) => (
                    <Table.Tr key={k}>
                      <Table.Th w={170}>{fieldLabel(k)}</Table.Th>
                      <Table.Td>{showValue(v)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th>INE</Table.Th>
                    <Table.Td>{state.ine ?? '—'}</Table.Td>
                  </Table.Tr>
                  {Object.entries(state.years).map(([y, data]) => (
                    <Table.Tr key={y}>
                      <Table.Th>{yearLabel(Number(y))}</Table.Th>
                      <Table.Td>
                        {STATUS_LABELS[data.status]} {data.classCode ?? ''} {data.formationCode ? `(${data.formationCode})` : ''}
                        {data.lv1 ? ` · LV1 ${data.lv1}` : ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          <Stack />
        </Card>
      </Grid.Col>
    </Grid>
  );
}
