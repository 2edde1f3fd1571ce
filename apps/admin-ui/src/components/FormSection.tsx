import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useId } from 'react';
import { useAuth } from '../auth';
import { ErrorAlert } from './ErrorAlert';

/**
 * One saved unit of a record: a real `<form>` (Enter submits, labels and tab order follow the
 * fields), its own error, and one « Enregistrer » button.
 */
export function FormSection(props: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  saving: boolean;
  error?: unknown;
  submitLabel?: string;
  extra?: ReactNode;
  testId?: string;
}) {
  const { canWrite } = useAuth();
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <Card withBorder component="section" aria-labelledby={id} data-testid={props.testId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5" id={id}>
            {props.title}
          </Title>
          {props.children}
          <ErrorAlert error={props.error} title="Non enregistré" />
          <Group justify="flex-end">
            {props.extra}
            <Button type="submit" loading={props.saving} disabled={!canWrite}>
              {props.submitLabel ?? 'Enregistrer'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
