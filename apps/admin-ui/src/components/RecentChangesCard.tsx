import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import { eventLabel, frenchDateTime } from '../lib/labels';
import { ErrorAlert } from './ErrorAlert';

const SHOWN = 8;

/**
 * « Dernières fiches modifiées »: the pupils whose record changed last, with the last change and
 * its author, from the server's activity index — the audit before an export, at a glance.
 */
export function RecentChangesCard({ uai, year, base }: { uai: string; year: number; base: string }) {
  const activity = useQuery({
    queryKey: ['activity', uai, 'pupil'],
    queryFn: () => api.activity(uai, { kind: 'pupil', limit: SHOWN }),
    refetchInterval: 30_000,
  });
  const pupils = useQuery({ queryKey: ['pupils', uai, year, {}], queryFn: () => api.pupils(uai, year) });
  const names = new Map((pupils.data ?? []).map((p) => [p.pupilId, `${p.lastName} ${p.firstName}`]));
  const page = activity.data;
  return (
    <Card withBorder data-testid="recent-changes">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Dernières fiches modifiées
        </Title>
        <Anchor component={Link} to={`${base}/historique`} size="sm">
          Historique
        </Anchor>
      </Group>
      <ErrorAlert error={activity.error} />
      {activity.isLoading && <Skeleton h={80} />}
      {page && page.streams.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune fiche modifiée pour l’instant.
        </Text>
      )}
      <Stack gap={6}>
        {page?.streams.map((s) => (
          <div key={s.streamId}>
            <Anchor component={Link} to={`${base}/eleves/${encodeURIComponent(s.id)}?onglet=historique`} size="sm" fw={500}>
              {names.get(s.id) ?? s.id}
            </Anchor>
            <Text size="xs" c="dimmed">
              {eventLabel(s.lastType)} — par {s.lastActor}, le {frenchDateTime(s.lastRecordedAt)}
            </Text>
          </div>
        ))}
      </Stack>
      {page && page.behind > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {page.behind} modification(s) récente(s) en cours de prise en compte.
        </Text>
      )}
    </Card>
  );
}
