import { Group, Stack, Table, Text, Title } from '@mantine/core';
import type { EffectifsDto, HeadCountDto } from '../../api/types';
import { frenchDate } from '../../lib/labels';

function CountCells({ count }: { count: HeadCountDto }) {
  return (
    <>
      <Table.Td ta="right" fw={600}>
        {count.total}
      </Table.Td>
      <Table.Td ta="right">{count.boys}</Table.Td>
      <Table.Td ta="right">{count.girls}</Table.Td>
    </>
  );
}

const CountHeaders = () => (
  <>
    <Table.Th ta="right">Effectif</Table.Th>
    <Table.Th ta="right">Garçons</Table.Th>
    <Table.Th ta="right">Filles</Table.Th>
  </>
);

/** The start-of-year head-counts (`siecle.effectifs`): per MEF, then per division. */
export function EffectifsView({ data }: { data: EffectifsDto }) {
  return (
    <Stack>
      <Group gap="xl">
        <Text size="lg" fw={600} data-testid="effectifs-total">
          {data.total.total} élèves au {frenchDate(data.date)}
        </Text>
        <Text c="dimmed">
          {data.total.boys} garçons, {data.total.girls} filles
          {data.preEnrolled > 0 ? ` — ${data.preEnrolled} préinscrit(s), non comptés` : ''}
          {data.withoutMef > 0 ? ` — ${data.withoutMef} sans MEF connu` : ''}
        </Text>
      </Group>
      <Title order={4}>Par MEF</Title>
      <Table striped withTableBorder aria-label="Effectifs par MEF">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>MEF</Table.Th>
            <Table.Th>Libellé</Table.Th>
            <CountHeaders />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.byMef.map((m) => (
            <Table.Tr key={m.mef || '-'}>
              <Table.Td ff="monospace">{m.mef || '—'}</Table.Td>
              <Table.Td>{m.mef ? (m.label ?? '') : 'MEF non renseigné'}</Table.Td>
              <CountCells count={m} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={4}>Par division</Title>
      <Table striped withTableBorder aria-label="Effectifs par division">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Division</Table.Th>
            <Table.Th>Classe</Table.Th>
            <Table.Th>MEF</Table.Th>
            <CountHeaders />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.byDivision.map((d) => (
            <Table.Tr key={d.classCode}>
              <Table.Td ff="monospace">{d.division}</Table.Td>
              <Table.Td>{d.label}</Table.Td>
              <Table.Td>{d.byMef.map((m) => `${m.label ?? (m.mef || '—')} : ${m.total}`).join(', ')}</Table.Td>
              <CountCells count={d} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
