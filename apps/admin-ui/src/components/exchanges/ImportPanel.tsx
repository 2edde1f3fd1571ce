import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconFiles, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type KeyboardEvent, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { FormatDto, ImportReportDto } from '../../api/types';
import { useAuth } from '../../auth';
import { formatBytes, OUTCOME_LABELS } from '../../lib/labels';
import { ErrorAlert } from '../ErrorAlert';

const STATUS_TEXT: Record<ImportReportDto['status'], { label: string; color: string }> = {
  imported: { label: 'Importé', color: 'green' },
  'already-imported': { label: 'Déjà importé : rien n’a été écrit', color: 'gray' },
  refused: { label: 'Refusé : rien n’a été écrit', color: 'red' },
};

export function ImportReport({ report }: { report: ImportReportDto }) {
  const status = STATUS_TEXT[report.status];
  const rows = [...report.rows].sort((a, b) => Number(b.outcome === 'rejected') - Number(a.outcome === 'rejected'));
  return (
    <Card withBorder data-testid="import-report">
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            Compte rendu de l’import — {report.fileName}
          </Title>
          <Badge color={status.color}>{status.label}</Badge>
        </Group>
        {report.successMessage && report.status !== 'refused' && (
          <Alert color="green" variant="light">
            {report.successMessage}
          </Alert>
        )}
        <SimpleGrid cols={5}>
          {Object.entries(report.counts).map(([outcome, count]) => (
            <div key={outcome}>
              <Text size="xs" c="dimmed">
                {OUTCOME_LABELS[outcome] ?? outcome}
              </Text>
              <Text fw={700} c={outcome === 'rejected' && count > 0 ? 'red.7' : undefined}>
                {count}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {report.notes.map((n, i) => (
          <Text key={i} size="sm" c="dimmed">
            {n}
          </Text>
        ))}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={500} maxHeight={300}>
            <Table stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Où</Table.Th>
                  <Table.Th>Quoi</Table.Th>
                  <Table.Th>Résultat</Table.Th>
                  <Table.Th>Détail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, 300).map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{r.ref}</Table.Td>
                    <Table.Td>{r.subject}</Table.Td>
                    <Table.Td>
                      <Badge
                        size="sm"
                        variant="light"
                        color={r.outcome === 'rejected' ? 'red' : r.outcome === 'unchanged' ? 'gray' : 'indigo'}
                      >
                        {OUTCOME_LABELS[r.outcome] ?? r.outcome}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.message ?? ''}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

/** Imports: a file dropped (or chosen) is uploaded with a progress bar, then its report is shown. */
export function ImportPanel({ uai, year, formats }: { uai: string; year: number; formats: FormatDto[] }) {
  const { canWrite } = useAuth();
  const queryClient = useQueryClient();
  const [formatId, setFormatId] = useState<string | null>(null);
  const chosen = formats.find((f) => f.formatId === (formatId ?? formats[0]?.formatId));
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number>();
  const [report, setReport] = useState<ImportReportDto>();
  const [error, setError] = useState<unknown>();
  const [skipRejected, setSkipRejected] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const run = async (withFile: File | undefined) => {
    if (!chosen) return;
    setError(undefined);
    setReport(undefined);
    setProgress(0);
    try {
      const result = await api.importFile(chosen.formatId, { uai, year, skipRejected }, withFile, setProgress);
      setReport(result);
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = e.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.current?.click();
    }
  };

  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label="Format à importer"
          w={460}
          data={formats.map((f) => ({ value: f.formatId, label: `${f.displayName} (${f.formatId})` }))}
          value={chosen?.formatId ?? null}
          onChange={setFormatId}
          allowDeselect={false}
        />
        <Checkbox
          mb={8}
          label="Appliquer les lignes valides et garder les rejetées dans le compte rendu"
          checked={skipRejected}
          onChange={(e) => setSkipRejected(e.currentTarget.checked)}
        />
      </Group>
      <div
        className="dropzone"
        role="button"
        tabIndex={0}
        aria-label="Déposer un fichier ici ou appuyer sur Entrée pour en choisir un"
        data-active={dragging}
        data-testid="dropzone"
        onClick={() => input.current?.click()}
        onKeyDown={onKey}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <IconFiles size={36} stroke={1.4} />
        <Text fw={500}>Déposez ici le fichier reçu du rectorat</Text>
        <Text size="sm" c="dimmed">
          ou cliquez pour le choisir (XML, CSV ou ZIP ; 50 Mo au plus)
        </Text>
        {file && (
          <Text mt="xs" fw={600} data-testid="chosen-file">
            {file.name} — {formatBytes(file.size)}
          </Text>
        )}
        <input
          ref={input}
          type="file"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const chosenFile = e.currentTarget.files?.[0];
            if (chosenFile) setFile(chosenFile);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {progress !== undefined && (
        <Stack gap={4}>
          <Progress value={Math.round(progress * 100)} animated aria-label="Progression de l’envoi" />
          <Text size="xs" c="dimmed">
            {progress < 1 ? `Envoi : ${Math.round(progress * 100)} %` : 'Fichier reçu, import en cours…'}
          </Text>
        </Stack>
      )}
      <Group>
        <Button
          leftSection={<IconUpload size={16} />}
          disabled={!file || !canWrite || progress !== undefined}
          onClick={() => void run(file)}
        >
          Importer {file ? `« ${file.name} »` : 'le fichier'}
        </Button>
        {chosen?.defaultFile && (
          <Button variant="light" disabled={!canWrite || progress !== undefined} onClick={() => void run(undefined)}>
            Importer le fichier fourni par défaut
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} title="Import impossible" />
      {report && <ImportReport report={report} />}
    </Stack>
  );
}
