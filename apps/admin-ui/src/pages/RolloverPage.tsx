import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Progress,
  SimpleGrid,
  Spoiler,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { EXIT_MOTIVES, FIRST_DEGREE_LEVELS } from '@liaison/domain';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, messageOf } from '../api/client';
import type { PlacementDto, PupilOfYearDto, RolloverPlanDto, RolloverResultDto } from '../api/types';
import { useAuth } from '../auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { SoonAvailable } from '../components/SoonAvailable';
import { DECISION_LABELS, frenchDate, STATUS_LABELS, yearLabel } from '../lib/labels';
import { isMissingRoute } from '../lib/missing-route';
import { useSchool } from '../lib/use-school';

const NOMENCLATURE_LABELS: Record<string, string> = {
  formations: 'formations',
  languages: 'langues',
  classTypes: 'types de classe',
};
/** A CM2 pupil goes on to a collège: SIECLE's « suite d'études 2nd degré, sans précision ». */
const CM2_EXIT_MOTIVE = '19';

const placement = (p: PlacementDto | undefined) =>
  p
    ? [p.status ? STATUS_LABELS[p.status] : '', p.classCode, p.formationCode ? `(${p.formationCode})` : '']
        .filter(Boolean)
        .join(' ')
    : '—';

function PlanSection({ title, count, color, children }: { title: string; count: number; color?: string; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <Card withBorder padding="sm">
      <Group gap="xs" mb={6}>
        <Title order={4} size="h6">
          {title}
        </Title>
        <Badge color={color ?? 'gray'} variant="light">
          {count}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={500} maxHeight={280}>
        <Table fz="xs" striped stickyHeader>
          {children}
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The rollover's diff: what Y+1 would get (classes, pupils carried, leavers) and what blocks it. */
function RolloverPlanView({ plan, base }: { plan: RolloverPlanDto; base: string }) {
  const blockers = [...plan.withoutPlan, ...plan.unusable];
  return (
    <Stack gap="xs" data-testid="rollover-plan">
      <Group gap="xs">
        {plan.opensYear && <Badge variant="light">ouvre {yearLabel(plan.toYear)}</Badge>}
        {plan.nomenclatures.length > 0 && (
          <Badge variant="light">reprend les {plan.nomenclatures.map((n) => NOMENCLATURE_LABELS[n] ?? n).join(', ')}</Badge>
        )}
        <Badge variant="light" color="indigo">
          {plan.moves.length} élève(s) reporté(s)
        </Badge>
        <Badge variant="light" color="gray">
          {plan.leavers.length} sortie(s)
        </Badge>
        <Badge variant="light" color="teal">
          {plan.classes.length} classe(s) reprise(s)
        </Badge>
        {blockers.length > 0 && <Badge color="red">{blockers.length} élève(s) bloquant(s)</Badge>}
      </Group>
      {plan.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title={`Avertissements (${plan.warnings.length})`}>
          <Spoiler maxHeight={70} showLabel="Tout afficher" hideLabel="Réduire">
            <List size="sm">
              {plan.warnings.slice(0, 200).map((w, i) => (
                <List.Item key={i}>{w}</List.Item>
              ))}
            </List>
          </Spoiler>
        </Alert>
      )}
      <PlanSection title="Élèves qui bloquent la bascule" count={blockers.length} color="red">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Élève</Table.Th>
            <Table.Th>En {yearLabel(plan.fromYear)}</Table.Th>
            <Table.Th>Raison</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {blockers.slice(0, 300).map((p) => (
            <Table.Tr key={p.pupilId}>
              <Table.Td>
                <Anchor component={Link} to={`${base}/eleves/${p.pupilId}?onglet=an-prochain`} size="xs">
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{placement(p.from)}</Table.Td>
              <Table.Td>{p.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </PlanSection>
      <PlanSection title={`Classes créées en ${yearLabel(plan.toYear)}`} count={plan.classes.length} color="teal">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Classe</Table.Th>
            <Table.Th>Code rectorat</Table.Th>
            <Table.Th>Formations</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.classes.map((c) => (
            <Table.Tr key={c.classCode}>
              <Table.Td>
                {c.classCode} — {c.label}
              </Table.Td>
              <Table.Td>{c.rectoratCode ?? '—'}</Table.Td>
              <Table.Td>{c.formations.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </PlanSection>
      <PlanSection title={`Élèves reportés en ${yearLabel(plan.toYear)}`} count={plan.moves.length} color="indigo">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Élève</Table.Th>
            <Table.Th>Décision</Table.Th>
            <Table.Th>En {yearLabel(plan.fromYear)}</Table.Th>
            <Table.Th>En {yearLabel(plan.toYear)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.moves.slice(0, 400).map((m) => (
            <Table.Tr key={m.pupilId}>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{DECISION_LABELS[m.decision]}</Table.Td>
              <Table.Td>{placement(m.from)}</Table.Td>
              <Table.Td>
                {placement(m.to)}
                {m.to.entryDate ? `, entrée le ${frenchDate(m.to.entryDate)}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </PlanSection>
      <PlanSection title="Sorties" count={plan.leavers.length}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Élève</Table.Th>
            <Table.Th>En {yearLabel(plan.fromYear)}</Table.Th>
            <Table.Th>Sortie</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.leavers.slice(0, 300).map((l) => (
            <Table.Tr key={l.pupilId}>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td>{placement(l.from)}</Table.Td>
              <Table.Td>
                le {frenchDate(l.exitDate)} — {EXIT_MOTIVES[l.motive] ?? l.motive}
                {l.alreadyExited ? ' (déjà sorti)' : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </PlanSection>
      <PlanSection
        title="Déjà reportés, décision changée depuis (signalé, non réappliqué)"
        count={plan.planChanged.length}
        color="orange"
      >
        <Table.Tbody>
          {plan.planChanged.map((p) => (
            <Table.Tr key={p.pupilId}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{placement(p.nextYear)}</Table.Td>
              <Table.Td>{p.differs ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </PlanSection>
      {plan.alreadyCarried.length + plan.newInNextYear.length > 0 && (
        <Text size="sm" c="dimmed">
          Déjà en {yearLabel(plan.toYear)} : {plan.alreadyCarried.length} élève(s) reporté(s) par une bascule précédente,{' '}
          {plan.newInNextYear.length} nouvel(le)(s) élève(s) préinscrit(s) ; ils restent tels quels.
        </Text>
      )}
    </Stack>
  );
}

/** The plan of a blocked rollover, sent with the 409. */
function blockedPlan(error: unknown): RolloverPlanDto | undefined {
  return error instanceof ApiError && error.status === 409 ? (error.body.plan as RolloverPlanDto | undefined) : undefined;
}

/**
 * « Passage » for every enrolled pupil without a decision (first degree: next level; CM2: exit
 * towards the collège). Second-degree passages need a MEF, so they stay one by one.
 */
function BulkPlans({ pupils, year, uai, onDone }: { pupils: PupilOfYearDto[]; year: number; uai: string; onDone: () => void }) {
  const [progress, setProgress] = useState<number>();
  const [failures, setFailures] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const levels = FIRST_DEGREE_LEVELS as readonly string[];
  const eligible = pupils.filter((p) => p.formationCode && levels.includes(p.formationCode));
  const cm2 = eligible.filter((p) => p.formationCode === 'CM2').length;
  if (eligible.length === 0) return null;
  const run = async () => {
    setConfirming(false);
    setFailures([]);
    const failed: string[] = [];
    for (let i = 0; i < eligible.length; i++) {
      const p = eligible[i]!;
      const payload =
        p.formationCode === 'CM2'
          ? { uai, pupilId: p.pupilId, year, decision: 'sortie' as const, motive: CM2_EXIT_MOTIVE }
          : { uai, pupilId: p.pupilId, year, decision: 'passage' as const };
      try {
        await api.command('PlanNextYear', payload);
      } catch (e) {
        failed.push(`${p.lastName} ${p.firstName} : ${messageOf(e)}`);
      }
      setProgress((i + 1) / eligible.length);
    }
    setFailures(failed);
    setProgress(undefined);
    onDone();
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text size="sm">
          Pour aller vite : décider « passage au niveau suivant » pour les {eligible.length} élève(s) sans décision
          {cm2 > 0 ? `, dont ${cm2} en CM2 qui sortent vers le collège (motif ${CM2_EXIT_MOTIVE})` : ''}. Chaque décision reste
          modifiable dans la fiche.
        </Text>
        <Group>
          <Button variant="light" onClick={() => setConfirming(true)} loading={progress !== undefined}>
            Décider le passage pour {eligible.length} élève(s)…
          </Button>
        </Group>
        {progress !== undefined && <Progress value={progress * 100} animated aria-label="Décisions enregistrées" />}
        {failures.length > 0 && (
          <Alert color="red" title={`${failures.length} décision(s) refusée(s)`}>
            <List size="sm">
              {failures.slice(0, 10).map((f, i) => (
                <List.Item key={i}>{f}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Décisions « An prochain »" centered>
        <Stack>
          <Text>
            Enregistrer {eligible.length} décision(s) à votre nom ({eligible.length - cm2} passage(s), {cm2} sortie(s) de CM2) ?
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
            <Button onClick={() => void run()} data-autofocus>
              Enregistrer les décisions
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** Nouvelle année: the rollover wizard — readiness, the dry-run diff, then the confirmation. */
export function RolloverPage() {
  const { uai, year, base, years } = useSchool();
  const { canWrite } = useAuth();
  const queryClient = useQueryClient();
  const [carryClasses, setCarryClasses] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const pupils = useQuery({ queryKey: ['pupils', uai, year, {}], queryFn: () => api.pupils(uai, year) });
  const enrolled = (pupils.data ?? []).filter((p) => p.status === 'inscrit');
  const withoutPlan = enrolled.filter((p) => !p.plan);
  const planned = enrolled.length - withoutPlan.length;
  const nextOpen = years.some((y) => y.year === year + 1);

  const dryRun = useMutation({ mutationFn: () => api.rollover(uai, year, { dryRun: true, carryClasses }) });
  const run = useMutation({
    mutationFn: () => api.rollover(uai, year, { dryRun: false, carryClasses }),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries();
    },
    onError: () => setConfirming(false),
  });
  const missing = isMissingRoute(dryRun.error) || isMissingRoute(run.error);
  const simulated: RolloverPlanDto | undefined = dryRun.data?.plan ?? blockedPlan(dryRun.error);
  const done: RolloverResultDto | undefined = run.data;
  const step = done ? 3 : dryRun.data ? 2 : 1;

  return (
    <Stack>
      <Title order={2}>
        Nouvelle année : de {yearLabel(year)} à {yearLabel(year + 1)}
      </Title>
      <Stepper active={step - 1} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Préparation" description="décisions « An prochain »" />
        <Stepper.Step label="Simulation" description="ce qui sera créé" />
        <Stepper.Step label="Confirmation" description="la bascule est écrite" />
      </Stepper>
      <SimpleGrid cols={3}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Inscrits en {yearLabel(year)}
          </Text>
          <Text fz={28} fw={700}>
            {pupils.data ? enrolled.length : '…'}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Avec une décision « An prochain »
          </Text>
          <Text fz={28} fw={700} c="green.8">
            {pupils.data ? planned : '…'}
          </Text>
        </Card>
        <Card withBorder bg={withoutPlan.length ? 'orange.0' : undefined}>
          <Text size="sm" c="dimmed">
            Sans décision (bloquent la bascule)
          </Text>
          <Text fz={28} fw={700} c={withoutPlan.length ? 'orange.8' : 'green.8'} data-testid="without-plan">
            {pupils.data ? withoutPlan.length : '…'}
          </Text>
        </Card>
      </SimpleGrid>
      {withoutPlan.length > 0 && (
        <Card withBorder>
          <Text size="sm" mb={4}>
            Ouvrez l’onglet « An prochain » de chaque fiche pour décider passage, redoublement ou sortie :
          </Text>
          <Group gap={6}>
            {withoutPlan.slice(0, 24).map((p) => (
              <Anchor key={p.pupilId} component={Link} to={`${base}/eleves/${p.pupilId}?onglet=an-prochain`} size="sm">
                {p.lastName} {p.firstName}
              </Anchor>
            ))}
            {withoutPlan.length > 24 && <Text size="sm">… et {withoutPlan.length - 24} autre(s)</Text>}
          </Group>
        </Card>
      )}
      {canWrite && withoutPlan.length > 0 && (
        <BulkPlans
          pupils={withoutPlan}
          year={year}
          uai={uai}
          onDone={() => {
            void queryClient.invalidateQueries({ queryKey: ['pupils', uai] });
            dryRun.reset();
          }}
        />
      )}
      <Card withBorder>
        <Stack gap="sm">
          <Text size="sm">
            {nextOpen
              ? `L’année ${yearLabel(year + 1)} est déjà ouverte : la bascule utilisera ce qui s’y trouve.`
              : `L’année ${yearLabel(year + 1)} n’est pas encore ouverte : la bascule l’ouvrira.`}{' '}
            La simulation n’écrit rien ; la bascule peut être relancée (elle ne reporte que les élèves pas encore reportés).
          </Text>
          <Checkbox
            label={`Reprendre les classes de ${yearLabel(year)} (code, libellé, code rectorat, contrat, type, formations) là où ${yearLabel(year + 1)} n’en a pas du même code`}
            checked={carryClasses}
            onChange={(e) => {
              setCarryClasses(e.currentTarget.checked);
              dryRun.reset();
            }}
          />
          <Group>
            <Button variant="light" onClick={() => dryRun.mutate()} loading={dryRun.isPending}>
              Simuler la bascule
            </Button>
            <Button
              leftSection={<IconCalendarPlus size={16} />}
              disabled={!canWrite || !dryRun.data || Boolean(done)}
              onClick={() => setConfirming(true)}
            >
              Basculer…
            </Button>
          </Group>
        </Stack>
      </Card>
      {missing && <SoonAvailable what="La bascule d’année (simulation et écriture) depuis l’interface" />}
      {!missing && dryRun.error && (
        <ErrorAlert error={dryRun.error} title={blockedPlan(dryRun.error) ? 'Bascule bloquée' : 'Simulation impossible'} />
      )}
      {!missing && <ErrorAlert error={run.error} title="Bascule refusée" />}
      {simulated && !done && (
        <Stack gap="xs">
          <Title order={3} size="h4">
            Simulation : ce que la bascule écrirait
          </Title>
          <RolloverPlanView plan={simulated} base={base} />
        </Stack>
      )}
      {done && (
        <Stack gap="xs">
          <Alert color="green" title="Bascule effectuée" data-testid="rollover-done">
            {done.applied
              ? `L’année ${yearLabel(year + 1)} est prête (${done.positions.length} événement(s) écrits, ${done.rolloverId}) : choisissez-la en haut de l’écran.`
              : 'Rien à reporter : tout était déjà fait.'}
          </Alert>
          <RolloverPlanView plan={done.plan} base={base} />
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Confirmer la bascule" centered>
        <Stack>
          <Text>
            Écrire la bascule de {yearLabel(year)} vers {yearLabel(year + 1)} telle que simulée ? Chaque élève reporté et chaque
            sortie est enregistré dans l’historique à votre nom.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
            <Button onClick={() => run.mutate()} loading={run.isPending} data-autofocus>
              Confirmer la bascule
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
