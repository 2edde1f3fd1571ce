import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EventDto } from '../api/types';
import { describeStream, eventLabel, frenchDateTime, STREAM_KIND_LABELS } from '../lib/labels';
import { ChangeList } from './ChangeList';

/**
 * Events grouped by what they changed (a pupil, a class, a guardian…), each with its author,
 * time and « avant → après » values: what an export carries, or what changed since it.
 */
export function EventChanges({
  events,
  names,
  base,
  initial = 15,
}: {
  events: EventDto[];
  /** Display names by stream id (pupils of the year). */
  names?: ReadonlyMap<string, string>;
  base: string;
  initial?: number;
}) {
  const [shown, setShown] = useState(initial);
  const groups = new Map<string, EventDto[]>();
  for (const e of events) groups.set(e.streamId, [...(groups.get(e.streamId) ?? []), e]);
  const entries = [...groups.entries()].sort((a, b) => (b[1].at(-1)?.globalPosition ?? 0) - (a[1].at(-1)?.globalPosition ?? 0));
  const authors = [...new Set(events.map((e) => e.metadata.actor))];

  if (events.length === 0) return <Text c="dimmed">Aucune modification.</Text>;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {events.length} modification(s) sur {entries.length} fiche(s), par :{' '}
        {authors.map((a) => (
          <Badge key={a} variant="light" mr={4}>
            {a}
          </Badge>
        ))}
      </Text>
      {entries.slice(0, shown).map(([streamId, list]) => {
        const { kind, id } = describeStream(streamId);
        const name = names?.get(streamId);
        return (
          <Card key={streamId} withBorder padding="xs" data-testid={`changes-${streamId}`}>
            <Group gap="xs" mb={4}>
              <Badge size="sm" variant="outline">
                {STREAM_KIND_LABELS[kind] ?? kind}
              </Badge>
              {kind === 'pupil' ? (
                <Anchor component={Link} to={`${base}/eleves/${id}?onglet=historique`} fw={600} size="sm">
                  {name ?? id}
                </Anchor>
              ) : (
                <Text fw={600} size="sm">
                  {name ?? id}
                </Text>
              )}
            </Group>
            <Stack gap={6}>
              {list.map((e) => (
                <div key={e.eventId}>
                  <Text size="xs" c="dimmed">
                    {eventLabel(e.type)} · {frenchDateTime(e.metadata.occurredAt)} · par <b>{e.metadata.actor}</b>
                  </Text>
                  <ChangeList changes={e.changes} max={8} />
                </div>
              ))}
            </Stack>
          </Card>
        );
      })}
      {entries.length > shown && (
        <Anchor component="button" type="button" size="sm" onClick={() => setShown((s) => s + 30)}>
          Afficher plus ({entries.length - shown} fiche(s) restante(s))
        </Anchor>
      )}
    </Stack>
  );
}
