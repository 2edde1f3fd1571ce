import { Accordion, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { SnapshotDiffDto } from '../api/types';
import { ChangeList } from './ChangeList';

/** Pupils and classes added, removed or changed between two states of the exported data. */
export function SnapshotDiffView({ diff }: { diff: SnapshotDiffDto }) {
  const { added, removed, changed } = diff.pupils;
  const classChanges = diff.classes.added.length + diff.classes.removed.length + diff.classes.changed.length;
  if (added.length + removed.length + changed.length + classChanges + diff.establishment.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Le fichier ne changerait pas.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color="green" variant="light">
          {added.length} élève(s) ajouté(s)
        </Badge>
        <Badge color="red" variant="light">
          {removed.length} retiré(s)
        </Badge>
        <Badge color="blue" variant="light">
          {changed.length} modifié(s)
        </Badge>
        {classChanges > 0 && (
          <Badge color="grape" variant="light">
            {classChanges} classe(s) changée(s)
          </Badge>
        )}
      </Group>
      <Accordion variant="separated" chevronPosition="left">
        {changed.length > 0 && (
          <Accordion.Item value="changed">
            <Accordion.Control>Élèves modifiés ({changed.length})</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                {changed.slice(0, 100).map((p) => (
                  <div key={p.pupilId}>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <ChangeList changes={p.fields} max={10} />
                  </div>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {added.length > 0 && (
          <Accordion.Item value="added">
            <Accordion.Control>Élèves ajoutés ({added.length})</Accordion.Control>
            <Accordion.Panel>
              <List size="sm">
                {added.slice(0, 300).map((p) => (
                  <List.Item key={p.pupilId}>{p.name}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {removed.length > 0 && (
          <Accordion.Item value="removed">
            <Accordion.Control>Élèves retirés ({removed.length})</Accordion.Control>
            <Accordion.Panel>
              <List size="sm">
                {removed.map((p) => (
                  <List.Item key={p.pupilId}>{p.name}</List.Item>
                ))}
              </List>
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {classChanges > 0 && (
          <Accordion.Item value="classes">
            <Accordion.Control>Classes</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                {diff.classes.added.length > 0 && <Text size="sm">Ajoutées : {diff.classes.added.join(', ')}</Text>}
                {diff.classes.removed.length > 0 && <Text size="sm">Retirées : {diff.classes.removed.join(', ')}</Text>}
                {diff.classes.changed.map((c) => (
                  <div key={c.classCode}>
                    <Text size="sm" fw={600}>
                      {c.classCode}
                    </Text>
                    <ChangeList changes={c.fields} />
                  </div>
                ))}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        )}
      </Accordion>
    </Stack>
  );
}
