import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlayerPlay, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { AnomalyDto } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { Gyrophare } from '../components/Gyrophare';
import { anomalyTarget, groupAnomalies } from '../lib/anomalies';
import { fieldLabel, frenchDateTime, yearLabel } from '../lib/labels';
import { useSchool } from '../lib/use-school';

function targetLink(base: string, anomaly: AnomalyDto): string | undefined {
  const target = anomalyTarget(anomaly);
  if (target.kind === 'pupil') {
    const q = new URLSearchParams({ onglet: target.tab, ...(target.field ? { champ: target.field } : {}) });
    return `${base}/eleves/${encodeURIComponent(target.pupilId)}?${q.toString()}`;
  }
  if (target.kind === 'class') {
    const q = new URLSearchParams({ classe: target.classCode, ...(target.field ? { champ: target.field } : {}) });
    return `${base}/structure?${q.toString()}`;
  }
  return undefined;
}

const KIND_LABELS: Record<string, string> = {
  pupil: 'Élève',
  class: 'Classe',
  establishment: 'Établissement',
  guardian: 'Responsable',
};

/** Runs a plugin's control; anomalies grouped by pupil (and class); each opens the faulty field. */
export function ControlPage() {
  const { uai, year, base, establishment } = useSchool();
  const formats = useQuery({ queryKey: ['formats'], queryFn: () => api.formats(), staleTime: Infinity });
  const controls = (formats.data?.plugins ?? [])
    .filter((p) => !establishment || p.degree === establishment.degree)
    .flatMap((p) => p.controls.map((c) => ({ value: c.id, label: c.displayName })));
  const [plugin, setPlugin] = useState<string | null>(null);
  const chosen = plugin ?? controls[0]?.value ?? null;

  const report = useQuery({
    queryKey: ['anomalies', uai, year, chosen ?? 'all'],
    queryFn: () => api.anomalies(uai, year, chosen ?? undefined),
    enabled: formats.isSuccess,
    staleTime: 0,
  });
  const reports = report.data ?? [];
  const counts = reports.reduce(
    (sum, r) => ({
      checked: sum.checked + r.counts.checked,
      compliant: sum.compliant + r.counts.compliant,
      nonCompliant: sum.nonCompliant + r.counts.nonCompliant,
      excluded: sum.excluded + r.counts.excluded,
    }),
    { checked: 0, compliant: 0, nonCompliant: 0, excluded: 0 },
  );
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [shown, setShown] = useState(60);
  const allGroups = groupAnomalies(reports);
  const groups = errorsOnly ? allGroups.filter((g) => g.errors > 0) : allGroups;
  const excluded = reports.flatMap((r) => r.excluded);

  return (
    <Stack>
      <Title order={2}>Contrôle de la base — {yearLabel(year)}</Title>
      <Group align="flex-end">
        <Select
          label="Contrôle"
          w={360}
          data={controls}
          value={chosen}
          onChange={setPlugin}
          allowDeselect={false}
          placeholder={formats.isLoading ? 'Chargement…' : 'Aucun contrôle pour ce degré'}
        />
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void report.refetch()} loading={report.isFetching}>
          Lancer le contrôle
        </Button>
        {reports[0] && (
          <Text size="xs" c="dimmed">
            Base contrôlée à la position #{reports[0].asOf}
          </Text>
        )}
      </Group>
      <ErrorAlert error={formats.error ?? report.error} />
      {report.isLoading && <Skeleton h={200} />}
      {report.data && (
        <>
          <SimpleGrid cols={4}>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                Élèves contrôlés
              </Text>
              <Text fz={28} fw={700}>
                {counts.checked}
              </Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                Élèves conformes
              </Text>
              <Text fz={28} fw={700} c="green.8">
                {counts.compliant}
              </Text>
            </Card>
            <Card withBorder bg={counts.nonCompliant ? 'red.0' : 'green.0'}>
              <Text fz={28} fw={700} c={counts.nonCompliant ? 'red.8' : 'green.8'} data-testid="non-compliant" aria-live="polite">
                Élèves non conformes : {counts.nonCompliant}
              </Text>
            </Card>
            <Card withBorder>
              <Text size="sm" c="dimmed">
                Non exportés
              </Text>
              <Text fz={28} fw={700} c="gray.7">
                {counts.excluded}
              </Text>
            </Card>
          </SimpleGrid>
          {counts.nonCompliant === 0 && (
            <Alert color="green" icon={<IconShieldCheck />} title="Base conforme">
              Aucun élève non conforme : l’export peut être produit depuis l’écran Échanges.
            </Alert>
          )}
          {allGroups.length > 0 && (
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} size="h4">
                  Anomalies par élève ({groups.length})
                </Title>
                <Checkbox
                  label="Erreurs seulement (masquer les avertissements)"
                  checked={errorsOnly}
                  onChange={(e) => setErrorsOnly(e.currentTarget.checked)}
                />
              </Group>
              {groups.slice(0, shown).map((g) => (
                <Card key={`${g.kind}:${g.id}`} withBorder padding="sm" data-testid={`anomaly-group-${g.id}`}>
                  <Group gap="xs" mb={4}>
                    <Gyrophare errors={g.errors} warnings={g.warnings} />
                    <Badge variant="light" color="gray" size="sm">
                      {KIND_LABELS[g.kind] ?? g.kind}
                    </Badge>
                    <Text fw={600}>{g.label}</Text>
                  </Group>
                  <List size="sm" spacing={4}>
                    {g.anomalies.map((a, i) => {
                      const to = targetLink(base, a);
                      return (
                        <List.Item key={i}>
                          <Badge size="xs" color={a.severity === 'error' ? 'red' : 'orange'} mr={6}>
                            {a.severity === 'error' ? 'erreur' : 'attention'}
                          </Badge>
                          {to ? (
                            <Anchor component={Link} to={to} size="sm" data-testid="anomaly-link">
                              {a.field ? fieldLabel(a.field) : 'Ouvrir la fiche'}
                            </Anchor>
                          ) : (
                            <Text span size="sm" fw={500}>
                              {a.field ? fieldLabel(a.field) : ''}
                            </Text>
                          )}{' '}
                          — {a.message}
                        </List.Item>
                      );
                    })}
                  </List>
                </Card>
              ))}
              {groups.length > shown && (
                <Anchor component="button" type="button" onClick={() => setShown((n) => n + 100)}>
                  Afficher plus ({groups.length - shown} restant(s))
                </Anchor>
              )}
            </Stack>
          )}
          {excluded.length > 0 && (
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                Élèves non exportés
              </Title>
              <List size="sm">
                {excluded.map((e) => (
                  <List.Item key={e.pupilId}>
                    <Anchor component={Link} to={`${base}/eleves/${e.pupilId}?onglet=scolarite`}>
                      {e.label}
                    </Anchor>{' '}
                    — {e.reason}
                  </List.Item>
                ))}
              </List>
            </Card>
          )}
          <Text size="xs" c="dimmed">
            Contrôle exécuté le {frenchDateTime(new Date(report.dataUpdatedAt).toISOString())}.
          </Text>
        </>
      )}
    </Stack>
  );
}
