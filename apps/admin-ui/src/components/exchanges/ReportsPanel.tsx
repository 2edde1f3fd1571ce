import { Code, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { EffectifsDto, ReportDescriptorDto } from '../../api/types';
import { frenchDateTime } from '../../lib/labels';
import { ErrorAlert } from '../ErrorAlert';
import { EffectifsView } from './EffectifsView';

/** How the UI shows a report it knows; the others are shown as the JSON the API returns. */
const VIEWS: Record<string, (data: unknown) => React.ReactNode> = {
  'siecle.effectifs': (data) => <EffectifsView data={data as EffectifsDto} />,
};

/** The plugins' reports for the year (the start-of-year head-counts…), with their parameters. */
export function ReportsPanel({ uai, year, reports }: { uai: string; year: number; reports: ReportDescriptorDto[] }) {
  const [reportId, setReportId] = useState(reports[0]?.id);
  const report = reports.find((r) => r.id === reportId);
  const [values, setValues] = useState<Record<string, string>>({});
  const parameters = Object.fromEntries(Object.entries(values).filter(([name, v]) => v !== '' && report?.parameters[name]));
  const result = useQuery({
    queryKey: ['report', uai, year, reportId, parameters],
    queryFn: () => api.report(uai, year, reportId!, parameters),
    enabled: Boolean(reportId),
  });
  if (reports.length === 0) return <Text c="dimmed">Aucun rapport pour ce degré.</Text>;
  return (
    <Stack>
      <Group align="end">
        <Select
          label="Rapport"
          data={reports.map((r) => ({ value: r.id, label: r.displayName }))}
          value={reportId ?? null}
          onChange={(v) => setReportId(v ?? undefined)}
          allowDeselect={false}
          w={360}
        />
        {Object.entries(report?.parameters ?? {}).map(([name, description]) => (
          <TextInput
            key={name}
            label={name === 'date' ? 'Jour compté' : name}
            description={description}
            type={name === 'date' ? 'date' : 'text'}
            value={values[name] ?? ''}
            onChange={(e) => setValues({ ...values, [name]: e.currentTarget.value })}
            w={260}
          />
        ))}
      </Group>
      <ErrorAlert error={result.error} />
      {result.isLoading && <Skeleton h={240} />}
      {result.data && (
        <Stack>
          <Text size="sm" c="dimmed">
            Calculé sur la base à la position #{result.data.asOf} ({frenchDateTime(result.data.asOfTime)}).
          </Text>
          {VIEWS[result.data.reportId]?.(result.data.data) ?? <Code block>{JSON.stringify(result.data.data, null, 2)}</Code>}
        </Stack>
      )}
    </Stack>
  );
}
