import { Badge, Button, Code, Drawer, Group, SegmentedControl, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ExportManifestDto } from '../../api/types';
import { useAuth } from '../../auth';
import { countsText, formatBytes, frenchDateTime, yearLabel } from '../../lib/labels';
import { ErrorAlert } from '../ErrorAlert';
import { ChangesBySubject } from '../ChangesBySubject';
import { EventChanges } from '../EventChanges';
import { SnapshotDiffView } from '../SnapshotDiffView';
import { manifestOf, useExportEvents, usePupilNames } from './ExportPanel';

function ExportDetail({ manifest, previous, base }: { manifest: ExportManifestDto; previous?: ExportManifestDto; base: string }) {
  const [mode, setMode] = useState<'carried' | 'since' | 'diff'>('carried');
  const names = usePupilNames(manifest.uai, manifest.year);
  const changes = useQuery({
    queryKey: ['export-changes', manifest.exportId, mode],
    queryFn: () => api.exportChanges(manifest.exportId, mode === 'since'),
    enabled: mode !== 'diff',
  });
  const diff = useQuery({
    queryKey: ['export-diff', previous?.exportId, manifest.exportId],
    queryFn: () => api.exportDiff(previous!.exportId, manifest.exportId),
    enabled: mode === 'diff' && Boolean(previous),
  });
  return (
    <Stack>
      <Table withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>Export</Table.Th>
            <Table.Td>
              <Code>{manifest.exportId}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Format, année</Table.Th>
            <Table.Td>
              {manifest.formatId}, {yearLabel(manifest.year)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Produit le</Table.Th>
            <Table.Td>
              {frenchDateTime(manifest.producedAt)}, base à la position #{manifest.asOf}
            </Table.Td>
          </Table.Tr>
          {manifest.files.map((f) => (
            <Table.Tr key={f.name}>
              <Table.Th>Fichier</Table.Th>
              <Table.Td>
                <Code>{f.name}</Code> ({formatBytes(f.size)})
                <Text size="xs" c="dimmed" ff="monospace">
                  SHA-256 {f.sha256}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>Comptes</Table.Th>
            <Table.Td>{countsText(manifest.counts)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as 'carried' | 'since' | 'diff')}
        data={[
          { value: 'carried', label: 'Ce qu’il a transmis' },
          { value: 'since', label: 'Ce qui a changé depuis' },
          { value: 'diff', label: 'Comparer au précédent', disabled: !previous },
        ]}
      />
      <Text size="sm" c="dimmed">
        {mode === 'carried'
          ? 'Les modifications entre l’export précédent du même format et celui-ci, et leurs auteurs.'
          : mode === 'since'
            ? 'Les modifications faites après cet export : ce que le prochain transmettra.'
            : `Le fichier comparé à celui de l’export ${previous?.exportId ?? ''} : élèves ajoutés, retirés, modifiés.`}
      </Text>
      {(changes.isLoading || diff.isLoading) && <Skeleton h={120} />}
      <ErrorAlert error={mode === 'diff' ? diff.error : changes.error} />
      {mode !== 'diff' && changes.data?.bySubject && <ChangesBySubject data={changes.data.bySubject} base={base} />}
      {mode !== 'diff' && changes.data && !changes.data.bySubject && (
        <EventChanges events={changes.data.events} names={names} base={base} />
      )}
      {mode === 'diff' && diff.data && <SnapshotDiffView diff={diff.data.diff} />}
    </Stack>
  );
}

/** The ledger of past exports: manifests, authors, downloads, and their diffs. */
export function LedgerPanel({ uai, base }: { uai: string; base: string }) {
  const { canWrite } = useAuth();
  const queryClient = useQueryClient();
  const events = useExportEvents(uai);
  const [open, setOpen] = useState<ExportManifestDto>();
  const download = useMutation({
    mutationFn: (m: ExportManifestDto) => api.downloadExport(m.exportId, m.files[0]?.name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['export-events', uai] }),
  });
  const produced = (events.data ?? []).filter((e) => e.type === 'ExportProduced');
  const downloads = (events.data ?? []).filter((e) => e.type === 'ExportDownloaded');

  if (events.isLoading) return <Skeleton h={200} />;
  return (
    <Stack>
      <ErrorAlert error={events.error ?? download.error} />
      {produced.length === 0 && <Text c="dimmed">Aucun export enregistré pour cet établissement.</Text>}
      {produced.length > 0 && (
        <Table highlightOnHover aria-label="Registre des exports" data-testid="ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Produit</Table.Th>
              <Table.Th>Format</Table.Th>
              <Table.Th>Année</Table.Th>
              <Table.Th>Fichier</Table.Th>
              <Table.Th>Téléchargements</Table.Th>
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {produced.map((e) => {
              const m = manifestOf(e);
              const mine = downloads.filter((d) => (d.data as { exportId: string }).exportId === m.exportId);
              return (
                <Table.Tr key={m.exportId}>
                  <Table.Td>
                    <Text size="sm">{frenchDateTime(m.producedAt)}</Text>
                    <Text size="xs" c="dimmed">
                      par {e.metadata.actor}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{m.formatId}</Badge>
                  </Table.Td>
                  <Table.Td>{yearLabel(m.year)}</Table.Td>
                  <Table.Td>
                    {m.files.map((f) => (
                      <Text key={f.name} size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {f.name} ({formatBytes(f.size)})
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    {mine.length === 0 ? (
                      '—'
                    ) : (
                      <Tooltip label={mine.map((d) => `${d.metadata.actor}, ${frenchDateTime(d.recordedAt)}`).join(' ; ')}>
                        <Text size="sm">
                          {mine.length} (dernier : {mine[0]!.metadata.actor})
                        </Text>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Button size="xs" variant="light" onClick={() => setOpen(m)}>
                        Manifeste et modifications
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconDownload size={14} />}
                        disabled={!canWrite}
                        loading={download.isPending && download.variables?.exportId === m.exportId}
                        onClick={() => download.mutate(m)}
                      >
                        Télécharger
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Drawer
        opened={Boolean(open)}
        onClose={() => setOpen(undefined)}
        title="Export : manifeste et modifications"
        position="right"
        size="xl"
      >
        {open && (
          <ExportDetail
            manifest={open}
            previous={produced
              .map(manifestOf)
              .find((m) => m.formatId === open.formatId && m.year === open.year && m.uai === open.uai && m.asOf < open.asOf)}
            base={base}
          />
        )}
      </Drawer>
    </Stack>
  );
}
