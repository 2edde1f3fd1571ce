import { Alert } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';

/** A part of a screen whose server side is not there yet. */
export function SoonAvailable({ what }: { what: string }) {
  return (
    <Alert color="gray" variant="light" icon={<IconClock />} title="Bientôt disponible">
      {what} : bientôt disponible — ce serveur ne la fournit pas encore.
    </Alert>
  );
}
