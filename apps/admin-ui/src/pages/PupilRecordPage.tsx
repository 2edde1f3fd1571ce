import { Alert, Anchor, Badge, Breadcrumbs, Group, List, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { Gyrophare } from '../components/Gyrophare';
import { StaleAlert } from '../components/StaleAlert';
import { GeneralTab } from '../components/pupil/GeneralTab';
import { GuardiansTab } from '../components/pupil/GuardiansTab';
import { NextYearTab } from '../components/pupil/NextYearTab';
import { PupilHistoryTab } from '../components/pupil/PupilHistoryTab';
import { SchoolingTab } from '../components/pupil/SchoolingTab';
import { groupAnomalies, type PupilTab, pupilTabOf } from '../lib/anomalies';
import { focusField } from '../lib/focus-field';
import { fieldLabel, STATUS_LABELS, yearLabel } from '../lib/labels';
import { useRecordSave } from '../lib/use-record-save';
import { useAnomalies, useSchool } from '../lib/use-school';

const TABS: Array<{ value: PupilTab; label: string }> = [
  { value: 'general', label: 'Général' },
  { value: 'responsables', label: 'Responsables' },
  { value: 'scolarite', label: 'Scolarité' },
  { value: 'an-prochain', label: 'An prochain' },
  { value: 'historique', label: 'Historique' },
];

/** The pupil record: five tabs; every save sends a command with the record's ETag as If-Match. */
export function PupilRecordPage() {
  const { pupilId = '' } = useParams();
  // A new pupil is a new record: its forms start from its own values.
  return <PupilRecord key={pupilId} pupilId={pupilId} />;
}

function PupilRecord({ pupilId }: { pupilId: string }) {
  const { uai, year, base } = useSchool();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('onglet') as PupilTab | null) ?? 'general';
  const field = params.get('champ') ?? undefined;
  const queryClient = useQueryClient();

  const record = useQuery({
    queryKey: ['pupil', uai, pupilId],
    queryFn: () => api.pupilWithEtag(uai, pupilId),
    staleTime: 0,
  });
  const anomalies = useAnomalies(uai, year);

  const reload = useCallback(async () => {
    await Promise.all([
      queryClient.refetchQueries({ queryKey: ['pupil', uai, pupilId] }),
      queryClient.invalidateQueries({ queryKey: ['pupils', uai] }),
      queryClient.invalidateQueries({ queryKey: ['anomalies', uai] }),
      queryClient.invalidateQueries({ queryKey: ['pupil-history', uai, pupilId] }),
      queryClient.invalidateQueries({ queryKey: ['guardian', uai] }),
    ]);
  }, [queryClient, uai, pupilId]);
  const saver = useRecordSave(record.data?.etag, reload);

  // Opened from the control screen: focus the faulty field once the tab shows it.
  const loaded = Boolean(record.data);
  useEffect(() => {
    if (!field || !loaded) return;
    const timer = setTimeout(() => focusField(field), 80);
    return () => clearTimeout(timer);
  }, [field, tab, loaded]);

  const mine = groupAnomalies(anomalies.data ?? []).find((g) => g.kind === 'pupil' && g.id === pupilId);
  const pupil = record.data?.data;
  const identity = (pupil?.identity ?? {}) as { lastName?: string; firstName?: string; usageName?: string };
  const thisYear = pupil?.years.find((y) => y.year === year);

  const openAnomaly = (anomalyField: string | undefined) => {
    const next = new URLSearchParams(params);
    next.set('onglet', pupilTabOf(anomalyField));
    if (anomalyField) next.set('champ', anomalyField);
    else next.delete('champ');
    setParams(next, { replace: true });
    if (anomalyField) setTimeout(() => focusField(anomalyField), 80);
  };

  if (record.error) return <ErrorAlert error={record.error} title="Fiche introuvable" />;
  if (!pupil) return <Skeleton h={400} />;

  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor component={Link} to={`${base}/eleves`}>
          Élèves
        </Anchor>
        <Text>
          {identity.lastName} {identity.firstName}
        </Text>
      </Breadcrumbs>
      <Group gap="sm">
        {mine && <Gyrophare errors={mine.errors} warnings={mine.warnings} />}
        <Title order={2}>
          {identity.lastName} {identity.firstName}
          {identity.usageName ? ` (${identity.usageName})` : ''}
        </Title>
        {thisYear ? (
          <Badge variant="light" color={thisYear.status === 'sorti' ? 'gray' : 'indigo'}>
            {STATUS_LABELS[thisYear.status]} {thisYear.classCode ? `en ${thisYear.classCode}` : ''} · {yearLabel(year)}
          </Badge>
        ) : (
          <Badge color="gray">Pas d’inscription en {yearLabel(year)}</Badge>
        )}
        <Text size="sm" c="dimmed">
          {pupil.pupilId}
          {pupil.ine ? ` · INE ${pupil.ine}` : ''}
        </Text>
      </Group>
      {mine && (
        <Alert color={mine.errors ? 'red' : 'orange'} variant="light" title="Anomalies du contrôle" data-testid="pupil-anomalies">
          <List size="sm" spacing={2}>
            {mine.anomalies.map((a, i) => (
              <List.Item key={i}>
                <Anchor component="button" type="button" size="sm" onClick={() => openAnomaly(a.field)}>
                  {a.field ? fieldLabel(a.field) : 'Fiche'}
                </Anchor>{' '}
                — {a.severity === 'error' ? 'erreur' : 'attention'} : {a.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {saver.stale && (
        <StaleAlert info={saver.stale} onReload={() => void saver.reloadAfterStale()} reloading={saver.reloading} />
      )}
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          next.set('onglet', value ?? 'general');
          next.delete('champ');
          setParams(next, { replace: true });
        }}
        keepMounted
      >
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="general" pt="md">
          <GeneralTab key={pupil.pupilId} pupil={pupil} saver={saver} />
        </Tabs.Panel>
        <Tabs.Panel value="responsables" pt="md">
          <GuardiansTab pupil={pupil} saver={saver} />
        </Tabs.Panel>
        <Tabs.Panel value="scolarite" pt="md">
          <SchoolingTab pupil={pupil} year={year} saver={saver} />
        </Tabs.Panel>
        <Tabs.Panel value="an-prochain" pt="md">
          <NextYearTab pupil={pupil} year={year} saver={saver} />
        </Tabs.Panel>
        <Tabs.Panel value="historique" pt="md">
          {tab === 'historique' && <PupilHistoryTab pupil={pupil} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
