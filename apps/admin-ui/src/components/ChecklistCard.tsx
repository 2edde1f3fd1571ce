import { ActionIcon, Badge, Card, Group, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, messageOf } from '../api/client';
import type { ChecklistEntryDto } from '../api/types';
import { useAuth } from '../auth';
import { frenchDate } from '../lib/labels';
import { isMissingRoute } from '../lib/missing-route';
import { todayIso } from '../lib/school-year';
import { useSchool } from '../lib/use-school';
import { ErrorAlert } from './ErrorAlert';
import { SoonAvailable } from './SoonAvailable';

function StatusBadge({ step }: { step: ChecklistEntryDto }) {
  const [text, color] =
    step.status === 'done'
      ? [`Fait le ${frenchDate(step.doneOn)}`, 'green.8']
      : step.status === 'overdue'
        ? [`En retard${step.dueDate ? ` (avant le ${frenchDate(step.dueDate)})` : ''}`, 'red.8']
        : step.status === 'not-applicable'
          ? ['Non applicable', 'gray.6']
          : [`À faire${step.dueDate ? ` avant le ${frenchDate(step.dueDate)}` : ''}`, 'blue.8'];
  return (
    <Text size="sm" fw={600} c={color} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  );
}

/** The yearly checklist: each step, its window, « Fait le » or overdue; ticks for steps done outside Liaison. */
export function ChecklistCard() {
  const { uai, year } = useSchool();
  const { canWrite } = useAuth();
  const queryClient = useQueryClient();
  const checklist = useQuery({ queryKey: ['checklist', uai, year], queryFn: () => api.checklist(uai, year) });
  const tick = useMutation({
    mutationFn: async ({ step, undo }: { step: ChecklistEntryDto; undo: boolean }) =>
      undo
        ? api.command('UntickChecklistStep', { uai, year, stepId: step.stepId })
        : api.command('TickChecklistStep', { uai, year, stepId: step.stepId, doneOn: todayIso() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['checklist', uai, year] }),
    onError: (e) => notifications.show({ color: 'red', title: 'Check-list', message: messageOf(e) }),
  });

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Check-list de l’année
        </Title>
        {checklist.data && (
          <Group gap={4}>
            <Badge color="green" variant="light">
              {checklist.data.counts.done} faite(s)
            </Badge>
            {checklist.data.counts.overdue > 0 && (
              <Badge color="red" variant="filled">
                {checklist.data.counts.overdue} en retard
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {checklist.isLoading && <Skeleton h={160} />}
      {checklist.error && isMissingRoute(checklist.error) && (
        <SoonAvailable what="La check-list annuelle (étapes, « Fait le », retards)" />
      )}
      {checklist.error && !isMissingRoute(checklist.error) && <ErrorAlert error={checklist.error} />}
      {checklist.data && checklist.data.steps.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucune étape déclarée pour ce degré.
        </Text>
      )}
      {checklist.data && checklist.data.steps.length > 0 && (
        <Table.ScrollContainer minWidth={400} maxHeight={420}>
          <Table verticalSpacing={6} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Étape</Table.Th>
                <Table.Th>État</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {checklist.data.steps.map((step) => {
                const lastTick = [...step.occurrences].reverse().find((o) => o.how === 'tick');
                return (
                  <Table.Tr key={step.stepId} data-testid={`step-${step.stepId}`} opacity={step.applicable ? 1 : 0.55}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {step.number}. {step.title}
                      </Text>
                      {step.window && (
                        <Text size="xs" c="dimmed">
                          {step.window}
                        </Text>
                      )}
                      {step.occurrences.at(-1) && (
                        <Text size="xs" c="dimmed">
                          {step.occurrences.at(-1)!.how === 'tick' ? 'coché' : (step.occurrences.at(-1)!.detail ?? 'fait')} par{' '}
                          {step.occurrences.at(-1)!.actor}
                        </Text>
                      )}
                      {!step.occurrences.length && step.completedBy && (
                        <Text size="xs" c="dimmed">
                          se fait par : {step.completedBy}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge step={step} />
                    </Table.Td>
                    <Table.Td>
                      {canWrite && step.applicable && (step.status !== 'done' || step.repeatable) && (
                        <Tooltip label="Marquer comme fait aujourd’hui (étape faite hors de Liaison)">
                          <ActionIcon
                            variant="light"
                            aria-label={`Cocher l’étape ${step.number}`}
                            loading={tick.isPending && tick.variables?.step.stepId === step.stepId}
                            onClick={() => tick.mutate({ step, undo: false })}
                          >
                            <IconCheck size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      {canWrite && lastTick && (
                        <Tooltip label="Décocher">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Décocher l’étape ${step.number}`}
                            onClick={() => tick.mutate({ step, undo: true })}
                          >
                            <IconX size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {checklist.data && (
        <Stack gap={0} mt="xs">
          <Text size="xs" c="dimmed">
            Retards jugés au {frenchDate(checklist.data.today)}.
          </Text>
        </Stack>
      )}
    </Card>
  );
}
