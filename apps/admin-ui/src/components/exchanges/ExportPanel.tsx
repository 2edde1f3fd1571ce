import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileZip, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, messageOf } from '../../api/client';
import type { AnomalyDto, EventDto, ExportManifestDto, ExportResultDto, PluginDto } from '../../api/types';
import { useAuth } from '../../auth';
import { countsText, formatBytes, frenchDateTime, yearLabel } from '../../lib/labels';
import { ErrorAlert } from '../ErrorAlert';
import { ChangesBySubject } from '../ChangesBySubject';
import { EventChanges } from '../EventChanges';
import { SnapshotDiffView } from '../SnapshotDiffView';
import { isMissingRoute } from '../../lib/missing-route';

/** Display names of the pupils of a year, by stream id, for change lists. */
export function usePupilNames(uai: string, year: number) {
  const pupils = useQuery({ queryKey: ['pupils', uai, year, {}], queryFn: () => api.pupils(uai, year) });
  return useMemo(
    () => new Map((pupils.data ?? []).map((p) => [`pupil-${uai}-${p.pupilId}`, `${p.lastName} ${p.firstName}`])),
    [pupils.data, uai],
  );
}

/** The recorded exports of an establishment, with who produced them (the ExportProduced events). */
export function useExportEvents(uai: string) {
  return useQuery({
    queryKey: ['export-events', uai],
    queryFn: async () => {
      const page = await api.events({ uai, type: 'ExportProduced,ExportDownloaded', order: 'desc', limit: 1000 });
      return page.events;
    },
  });
}

export const manifestOf = (e: EventDto) => e.data as ExportManifestDto;

/**
 * Producing an export in three steps: what changed since the last export of this format (and
 * who changed it), the anomaly gate, then the confirmation; the kept copy can be downloaded.
 */
export function ExportPanel({ uai, year, base, plugins }: { uai: string; year: number; base: string; plugins: PluginDto[] }) {
  const { canWrite } = useAuth();
  const queryClient = useQueryClient();
  const formats = plugins.flatMap((p) => p.formats.filter((f) => f.direction === 'export').map((f) => ({ ...f, plugin: p })));
  const [formatId, setFormatId] = useState<string | null>(null);
  const chosen = formats.find((f) => f.formatId === (formatId ?? formats[0]?.formatId));
  const names = usePupilNames(uai, year);
  const exportEvents = useExportEvents(uai);
  const previous = (exportEvents.data ?? [])
    .filter((e) => e.type === 'ExportProduced')
    .map(manifestOf)
    .find((m) => m.formatId === chosen?.formatId && m.year === year);

  // What the next export would carry (server preview); older servers: the changes since the last export.
  const preview = useQuery({
    queryKey: ['export-preview', chosen?.formatId, uai, year],
    queryFn: () => api.exportPreview(chosen!.formatId, uai, year),
    enabled: Boolean(chosen),
    staleTime: 0,
  });
  const noPreview = isMissingRoute(preview.error);
  const pending = useQuery({
    queryKey: ['export-pending', previous?.exportId],
    queryFn: () => api.exportChanges(previous!.exportId, true),
    enabled: Boolean(previous) && noPreview,
    staleTime: 0,
  });
  const [view, setView] = useState<'changes' | 'diff'>('changes');
  const changeCount = preview.data?.events.length ?? pending.data?.events.length;
  const controlId = chosen?.plugin.controls[0]?.id;
  const gate = useQuery({
    queryKey: ['anomalies', uai, year, controlId ?? 'all'],
    queryFn: () => api.anomalies(uai, year, controlId),
    enabled: Boolean(chosen),
    staleTime: 0,
  });
  const counts = (gate.data ?? []).reduce((n, r) => n + r.counts.nonCompliant, 0);
  const checked = (gate.data ?? []).reduce((n, r) => n + r.counts.checked, 0);
  const warnings = (gate.data ?? []).flatMap((r) => r.anomalies.filter((a) => a.severity === 'warning'));
  const blocked = counts > 0;

  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ExportResultDto>();
  const [refused, setRefused] = useState<AnomalyDto[]>();
  const produce = useMutation({
    mutationFn: () => api.produceExport(chosen!.formatId, uai, year),
    onSuccess: async (r) => {
      setResult(r);
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['export-events', uai] });
      await queryClient.invalidateQueries({ queryKey: ['export-preview'] });
      await queryClient.invalidateQueries({ queryKey: ['ledger', uai] });
      await queryClient.invalidateQueries({ queryKey: ['checklist', uai] });
    },
    onError: (e) => {
      setConfirming(false);
      if (e instanceof ApiError && e.body.code === 'blocked_by_anomalies') setRefused(e.body.anomalies as AnomalyDto[]);
    },
  });
  const download = useMutation({
    mutationFn: (m: { exportId: string; file: string }) => api.downloadExport(m.exportId, m.file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['export-events', uai] }),
  });

  const step = result ? 3 : blocked ? 1 : 2;

  return (
    <Stack>
      <Select
        label="Format à exporter"
        w={460}
        data={formats.map((f) => ({ value: f.formatId, label: `${f.displayName} (${f.formatId})` }))}
        value={chosen?.formatId ?? null}
        onChange={(v) => {
          setFormatId(v);
          setResult(undefined);
        }}
        allowDeselect={false}
      />
      {!chosen && <Alert>Aucun format d’export pour ce degré.</Alert>}
      {chosen && (
        <Stepper active={step} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label="Modifications" description="depuis le dernier export">
            {null}
          </Stepper.Step>
          <Stepper.Step label="Contrôle" description="aucun élève non conforme">
            {null}
          </Stepper.Step>
          <Stepper.Step label="Confirmation" description="production du fichier">
            {null}
          </Stepper.Step>
        </Stepper>
      )}
      {chosen && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            1. Ce qui a changé depuis le dernier export {chosen.formatId}
          </Title>
          {(exportEvents.isLoading || preview.isLoading) && <Skeleton h={60} />}
          {exportEvents.data && !previous && (
            <Text size="sm" data-testid="first-export">
              Aucun export {chosen.formatId} pour {yearLabel(year)} jusqu’ici : celui-ci portera toute la base de l’année.
            </Text>
          )}
          {previous && (
            <Text size="sm">
              Dernier export : <Code>{previous.exportId}</Code> du {frenchDateTime(previous.producedAt)} (position #
              {previous.asOf}).
            </Text>
          )}
          {!noPreview && <ErrorAlert error={preview.error} />}
          {preview.data && (
            <Stack gap="xs" mt="xs" data-testid="export-preview">
              <SegmentedControl
                size="xs"
                value={view}
                onChange={(v) => setView(v as 'changes' | 'diff')}
                data={[
                  { value: 'changes', label: `Qui a changé quoi (${preview.data.events.length})` },
                  { value: 'diff', label: 'Différences dans le fichier' },
                ]}
              />
              {view === 'changes' ? (
                <ChangesBySubject data={preview.data.bySubject} base={base} />
              ) : (
                <SnapshotDiffView diff={preview.data.diff} />
              )}
            </Stack>
          )}
          {noPreview && previous && (
            <Stack gap="xs" mt="xs">
              {pending.isLoading && <Skeleton h={80} />}
              <ErrorAlert error={pending.error} />
              {pending.data && <EventChanges events={pending.data.events} names={names} base={base} />}
            </Stack>
          )}
        </Card>
      )}
      {chosen && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            2. Contrôle
          </Title>
          {gate.isLoading && <Skeleton h={40} />}
          <ErrorAlert error={gate.error} />
          {gate.data && blocked && (
            <Alert color="red" title={`Export bloqué : ${counts} élève(s) non conforme(s)`} data-testid="export-blocked">
              Corrigez les anomalies avant d’exporter.{' '}
              <Anchor component={Link} to={`${base}/controle`}>
                Ouvrir le contrôle
              </Anchor>
            </Alert>
          )}
          {gate.data && !blocked && (
            <Alert color="green" icon={<IconShieldCheck />} data-testid="export-allowed">
              {checked} élève(s) contrôlé(s), aucun non conforme.
              {warnings.length > 0 ? ` ${warnings.length} avertissement(s) ne bloquent pas l’export.` : ''}
            </Alert>
          )}
        </Card>
      )}
      {chosen && (
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            3. Production
          </Title>
          <Group>
            <Button
              leftSection={<IconFileZip size={16} />}
              disabled={!canWrite || blocked || !gate.data}
              onClick={() => setConfirming(true)}
            >
              Produire l’export…
            </Button>
            {produce.error && !refused && <ErrorAlert error={produce.error} title="Export impossible" />}
          </Group>
          {refused && (
            <Alert color="red" mt="sm" title="Le serveur a refusé l’export">
              <List size="sm">
                {refused.slice(0, 10).map((a, i) => (
                  <List.Item key={i}>
                    {a.entity.label} — {a.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {result && (
            <Alert color="green" mt="sm" title="Export produit" data-testid="export-result">
              <Stack gap={4}>
                <Text size="sm">
                  <Code>{result.exportId}</Code> — {countsText(result.counts)}
                </Text>
                {result.files.map((f) => (
                  <Group key={f.name} gap="xs">
                    <Text size="sm">
                      Fichier écrit dans le dossier d’export du serveur : <Code>{f.name}</Code> ({formatBytes(f.size)})
                    </Text>
                    <Button
                      size="xs"
                      leftSection={<IconDownload size={14} />}
                      onClick={() => download.mutate({ exportId: result.exportId, file: f.name })}
                      loading={download.isPending}
                    >
                      Télécharger
                    </Button>
                  </Group>
                ))}
                {download.data && (
                  <Text size="sm" data-testid="downloaded">
                    Téléchargé : {download.data.name} ({formatBytes(download.data.size)}). À déposer dans ONDE par la direction.
                  </Text>
                )}
                <ErrorAlert error={download.error} />
              </Stack>
            </Alert>
          )}
        </Card>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Confirmer l’export" centered>
        <Stack>
          <Text>
            Produire l’export <b>{chosen?.formatId}</b> pour {yearLabel(year)} ({checked} élève(s)) ? Il sera enregistré dans le
            registre des exports à votre nom, avec son manifeste.
          </Text>
          {changeCount !== undefined && (
            <Text size="sm" c="dimmed">
              Il porte {changeCount} modification(s){previous ? ` depuis l’export du ${frenchDateTime(previous.producedAt)}` : ''}
              .
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
            <Button onClick={() => produce.mutate()} loading={produce.isPending} data-autofocus>
              Confirmer et produire
            </Button>
          </Group>
          {produce.error && <Text c="red">{messageOf(produce.error)}</Text>}
        </Stack>
      </Modal>
    </Stack>
  );
}
