import { Skeleton, Stack, Tabs, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportPanel } from '../components/exchanges/ExportPanel';
import { ImportPanel } from '../components/exchanges/ImportPanel';
import { LedgerPanel } from '../components/exchanges/LedgerPanel';
import { ReportsPanel } from '../components/exchanges/ReportsPanel';
import { yearLabel } from '../lib/labels';
import { useSchool } from '../lib/use-school';

/** Échanges: imports from the rectorat, exports to it, the ledger of past exports, and the plugins' reports (effectifs). */
export function ExchangesPage() {
  const { uai, year, base, establishment } = useSchool();
  const [params, setParams] = useSearchParams();
  const tab = params.get('onglet') ?? 'exports';
  const formats = useQuery({ queryKey: ['formats'], queryFn: () => api.formats(), staleTime: Infinity });
  const plugins = (formats.data?.plugins ?? []).filter((p) => !establishment || p.degree === establishment.degree);
  const imports = plugins.flatMap((p) => p.formats.filter((f) => f.direction === 'import'));
  const reports = plugins.flatMap((p) => p.reports);

  return (
    <Stack>
      <Title order={2}>Échanges avec le rectorat — {yearLabel(year)}</Title>
      <ErrorAlert error={formats.error} />
      {formats.isLoading && <Skeleton h={300} />}
      {formats.data && (
        <Tabs value={tab} onChange={(v) => setParams({ onglet: v ?? 'exports' }, { replace: true })}>
          <Tabs.List>
            <Tabs.Tab value="imports">Imports</Tabs.Tab>
            <Tabs.Tab value="exports">Exports</Tabs.Tab>
            <Tabs.Tab value="registre">Registre des exports</Tabs.Tab>
            {reports.length > 0 && <Tabs.Tab value="rapports">Effectifs et rapports</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="imports" pt="md">
            <ImportPanel uai={uai} year={year} formats={imports} />
          </Tabs.Panel>
          <Tabs.Panel value="exports" pt="md">
            {tab === 'exports' && <ExportPanel uai={uai} year={year} base={base} plugins={plugins} />}
          </Tabs.Panel>
          <Tabs.Panel value="registre" pt="md">
            {tab === 'registre' && <LedgerPanel uai={uai} base={base} />}
          </Tabs.Panel>
          <Tabs.Panel value="rapports" pt="md">
            {tab === 'rapports' && <ReportsPanel key={`${uai}-${year}`} uai={uai} year={year} reports={reports} />}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
