import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconRefresh, IconUsers } from '@tabler/icons-react';
import { eventLabel, frenchDateTime } from '../lib/labels';
import type { StaleInfo } from '../lib/stale';
import { ChangeList } from './ChangeList';

/**
 * A concurrent edit (412), explained: who changed the record meanwhile and what; the user's own
 * entries stay in the form, and « Recharger » takes the new version so they can save again.
 */
export function StaleAlert({ info, onReload, reloading }: { info: StaleInfo; onReload: () => void; reloading: boolean }) {
  const who = info.actors.length > 0 ? info.actors.join(', ') : 'un autre utilisateur';
  const last = info.events.at(-1);
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconUsers />}
      title={`Fiche modifiée entre-temps par ${who}`}
      role="alert"
      data-testid="stale-alert"
    >
      <Stack gap="xs">
        <Text size="sm">
          Cette fiche a été modifiée entre-temps par {who}
          {last ? ` (le ${frenchDateTime(last.recordedAt)})` : ''}, après que vous l’avez ouverte. Votre modification n’a pas été
          enregistrée, mais vos saisies sont conservées dans le formulaire : rechargez la fiche, vérifiez, puis enregistrez à
          nouveau.
        </Text>
        {info.events.map((e) => (
          <div key={e.eventId}>
            <Text size="sm" fw={600}>
              {eventLabel(e.type)} — par {e.metadata.actor}
            </Text>
            <ChangeList changes={e.changes} />
          </div>
        ))}
        <div>
          <Button leftSection={<IconRefresh size={16} />} onClick={onReload} loading={reloading} color="orange">
            Recharger la fiche (mes saisies sont conservées)
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
