import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ChangeEntryDto, ChangesBySubjectDto } from '../api/types';
import { eventLabel, frenchDateTime } from '../lib/labels';
import { ChangeList } from './ChangeList';

function Entries({ entries }: { entries: ChangeEntryDto[] }) {
  return (
    <Stack gap={6}>
      {entries.map((e) => (
        <div key={`${e.position}-${e.guardianId ?? ''}`}>
          <Text size="xs" c="dimmed">
            {eventLabel(e.type)}
            {e.guardianId ? ` (responsable ${e.guardianId})` : ''} · {frenchDateTime(e.occurredAt)} · par <b>{e.actor}</b>
          </Text>
          <ChangeList changes={e.changes} max={8} />
        </div>
      ))}
    </Stack>
  );
}

/**
 * Who changed what, grouped by pupil and by class (the server's `bySubject`): what an export
 * carries, or what the next one will.
 */
export function ChangesBySubject({ data, base, initial = 12 }: { data: ChangesBySubjectDto; base: string; initial?: number }) {
  const [shown, setShown] = useState(initial);
  const all = [...data.pupils.flatMap((p) => p.changes), ...data.classes.flatMap((c) => c.changes), ...data.establishment];
  const authors = [...new Set(all.map((e) => e.actor))];
  if (all.length === 0) return <Text c="dimmed">Aucune modification.</Text>;
  const pupils = [...data.pupils].sort(
    (a, b) => Math.max(...b.changes.map((c) => c.position)) - Math.max(...a.changes.map((c) => c.position)),
  );
  return (
    <Stack gap="xs">
      <Group gap={4}>
        <Text size="sm">
          {data.pupils.length} élève(s) modifié(s), dans {data.classes.length} classe(s), par :
        </Text>
        {authors.map((a) => (
          <Badge key={a} variant="light">
            {a}
          </Badge>
        ))}
      </Group>
      {data.classes.map((c) => (
        <Card key={c.classCode} withBorder padding="xs" data-testid={`subject-class-${c.classCode}`}>
          <Group gap="xs" mb={4}>
            <Badge size="sm" variant="outline">
              Classe
            </Badge>
            <Anchor component={Link} to={`${base}/structure?classe=${encodeURIComponent(c.classCode)}`} size="sm" fw={600}>
              {c.classCode}
              {c.label && c.label !== c.classCode ? ` — ${c.label}` : ''}
            </Anchor>
          </Group>
          {c.changes.length > 0 && <Entries entries={c.changes} />}
          {c.pupils.length > 0 && (
            <Text size="xs" c="dimmed">
              {c.pupils.length} élève(s) de la classe modifié(s), détaillé(s) ci-dessous.
            </Text>
          )}
        </Card>
      ))}
      {pupils.slice(0, shown).map((p) => (
        <Card key={p.pupilId} withBorder padding="xs" data-testid={`subject-pupil-${p.pupilId}`}>
          <Group gap="xs" mb={4}>
            <Badge size="sm" variant="outline">
              Élève
            </Badge>
            <Anchor component={Link} to={`${base}/eleves/${p.pupilId}?onglet=historique`} size="sm" fw={600}>
              {p.name}
            </Anchor>
            {p.classCode && (
              <Text size="xs" c="dimmed">
                {p.classCode}
              </Text>
            )}
          </Group>
          <Entries entries={p.changes} />
        </Card>
      ))}
      {pupils.length > shown && (
        <Anchor component="button" type="button" size="sm" onClick={() => setShown((s) => s + 30)}>
          Afficher plus ({pupils.length - shown} élève(s) restant(s))
        </Anchor>
      )}
      {data.establishment.length > 0 && (
        <Card withBorder padding="xs">
          <Badge size="sm" variant="outline" mb={4}>
            Établissement et année
          </Badge>
          <Entries entries={data.establishment.slice(0, 20)} />
        </Card>
      )}
    </Stack>
  );
}
