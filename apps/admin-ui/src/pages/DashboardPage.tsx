import { Anchor, Badge, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { Gyrophare } from '../components/Gyrophare';
import { ChecklistCard } from '../components/ChecklistCard';
import { RecentChangesCard } from '../components/RecentChangesCard';
import { frenchDateTime, yearLabel } from '../lib/labels';
import { groupAnomalies } from '../lib/anomalies';
import { useAnomalies, useSchool } from '../lib/use-school';

function Count({ label, value, color, to }: { label: string; value: number | undefined; color: string; to: string }) {
  return (
    <Card
      withBorder
      padding="md"
      component={Link}
      to={to}
      style={{ textDecoration: 'none' }}
      aria-label={`${label} : ${value ?? '…'}`}
    >
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {value === undefined ? (
        <Skeleton h={34} w={60} mt={4} />
      ) : (
        <Text fz={32} fw={700} c={color} data-testid={`count-${label}`}>
          {value}
        </Text>
      )}
    </Card>
  );
}

export function DashboardPage() {
  const { uai, year, base, establishment } = useSchool();
  const pupils = useQuery({ queryKey: ['pupils', uai, year, {}], queryFn: () => api.pupils(uai, year) });
  const anomalies = useAnomalies(uai, year);
  const ledger = useQuery({ queryKey: ['ledger', uai], queryFn: () => api.ledger(uai) });

  const countOf = (status: string) => pupils.data?.filter((p) => p.status === status).length;
  const nonCompliant = anomalies.data?.reduce((sum, r) => sum + r.counts.nonCompliant, 0);
  const groups = groupAnomalies(anomalies.data ?? []);
  // Blocking anomalies first; warnings only as a count (a second-degree base may have hundreds).
  const blocking = groups.filter((g) => g.errors > 0);
  const warningsOnly = groups.length - blocking.length;
  const byEntity = blocking.length > 0 ? blocking : groups;
  const exports = (ledger.data ?? []).filter((m) => m.year === year).slice(0, 5);

  return (
    <Stack>
      <Title order={2}>
        Tableau de bord — {establishment?.name ?? uai}, {yearLabel(year)}
      </Title>
      <SimpleGrid cols={4}>
        <Count label="Inscrits" value={countOf('inscrit')} color="indigo.7" to={`${base}/eleves?statut=inscrit`} />
        <Count label="Préinscrits" value={countOf('preinscrit')} color="cyan.7" to={`${base}/eleves?statut=preinscrit`} />
        <Count label="Sortis" value={countOf('sorti')} color="gray.7" to={`${base}/eleves?statut=sorti`} />
        <Count
          label="Élèves non conformes"
          value={nonCompliant}
          color={nonCompliant ? 'red.7' : 'green.7'}
          to={`${base}/controle`}
        />
      </SimpleGrid>
      <ErrorAlert error={pupils.error ?? anomalies.error ?? ledger.error} />
      <Grid>
        <Grid.Col span={7}>
          <Stack>
            <ChecklistCard />
            <RecentChangesCard uai={uai} year={year} base={base} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={5}>
          <Stack>
            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h4">
                  Anomalies à corriger
                </Title>
                <Anchor component={Link} to={`${base}/controle`} size="sm">
                  Ouvrir le contrôle
                </Anchor>
              </Group>
              {anomalies.isLoading && <Skeleton h={80} />}
              {anomalies.data && byEntity.length === 0 && <Text c="green.8">Aucune anomalie : la base est conforme.</Text>}
              <Stack gap={6}>
                {byEntity.slice(0, 8).map((p) => (
                  <Group key={`${p.kind}:${p.id}`} gap="xs" wrap="nowrap">
                    <Gyrophare errors={p.errors} warnings={p.warnings} />
                    <Anchor
                      component={Link}
                      to={p.kind === 'class' ? `${base}/structure?classe=${encodeURIComponent(p.id)}` : `${base}/eleves/${p.id}`}
                      size="sm"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {p.label}
                    </Anchor>
                    <Text size="xs" c="dimmed" truncate>
                      {p.anomalies[0]?.message}
                    </Text>
                  </Group>
                ))}
                {byEntity.length > 8 && (
                  <Text size="xs" c="dimmed">
                    … et {byEntity.length - 8} autre(s)
                  </Text>
                )}
                {blocking.length > 0 && warningsOnly > 0 && (
                  <Anchor component={Link} to={`${base}/eleves?anomalies=1`} size="xs">
                    et {warningsOnly} fiche(s) avec des avertissements seulement
                  </Anchor>
                )}
              </Stack>
            </Card>
            <Card withBorder>
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h4">
                  Derniers exports
                </Title>
                <Anchor component={Link} to={`${base}/echanges`} size="sm">
                  Échanges
                </Anchor>
              </Group>
              {ledger.isLoading && <Skeleton h={60} />}
              {ledger.data && exports.length === 0 && (
                <Text size="sm" c="dimmed">
                  Aucun export pour {yearLabel(year)}.
                </Text>
              )}
              {exports.length > 0 && (
                <Stack gap={6}>
                  {exports.map((m) => (
                    <div key={m.exportId}>
                      <Group gap="xs">
                        <Badge variant="light" tt="none">
                          {m.formatId}
                        </Badge>
                        <Text size="sm">{frenchDateTime(m.producedAt)}</Text>
                      </Group>
                      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {m.files.map((f) => f.name.split('/').pop()).join(', ')}
                      </Text>
                    </div>
                  ))}
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
