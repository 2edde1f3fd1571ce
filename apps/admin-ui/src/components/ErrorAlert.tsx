import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { messageOf } from '../api/client';

/** A failure, in the server's French words. */
export function ErrorAlert({ error, title = 'Une erreur est survenue' }: { error: unknown; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert">
      {messageOf(error)}
    </Alert>
  );
}
