import { Group, List, Text } from '@mantine/core';
import type { FieldChangeDto } from '../api/types';
import { fieldLabel, showValue } from '../lib/labels';

/** Bookkeeping of an aggregate's creation (its own ids): not a value anyone reviews. */
const HIDDEN = new Set(['uai', 'year', 'created', 'registered', 'pupilId', 'guardianId']);

/** The values an event changed, « avant → après ». */
export function ChangeList({ changes: all, max = 12 }: { changes: FieldChangeDto[]; max?: number }) {
  const changes = all.filter((c) => !HIDDEN.has(c.field));
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Aucune valeur modifiée.
      </Text>
    );
  const shown = changes.slice(0, max);
  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
      {shown.map((c) => (
        <List.Item key={c.field}>
          <Group gap={6} wrap="wrap">
            <Text span size="sm" fw={500}>
              {fieldLabel(c.field)} :
            </Text>
            <Text span size="sm" className="change-before">
              {showValue(c.before)}
            </Text>
            <Text span size="sm" aria-hidden>
              →
            </Text>
            <Text span size="sm" className="change-after" aria-label={`devient ${showValue(c.after)}`}>
              {showValue(c.after)}
            </Text>
          </Group>
        </List.Item>
      ))}
      {changes.length > max && (
        <List.Item>
          <Text size="xs" c="dimmed">
            … et {changes.length - max} autre(s) valeur(s)
          </Text>
        </List.Item>
      )}
    </List>
  );
}
