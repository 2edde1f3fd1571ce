import { AppShell, Badge, Box, Button, Group, Loader, NavLink, ScrollArea, Select, Text, Title } from '@mantine/core';
import {
  IconArrowsExchange,
  IconCalendarPlus,
  IconHistory,
  IconLayoutDashboard,
  IconLogout,
  IconShieldCheck,
  IconSitemap,
  IconUsers,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth';
import { DEGREE_LABELS, ROLE_LABELS } from '../lib/labels';
import { useSchool } from '../lib/use-school';

const SECTIONS = [
  { path: 'tableau-de-bord', label: 'Tableau de bord', icon: IconLayoutDashboard },
  { path: 'structure', label: 'Structure', icon: IconSitemap },
  { path: 'eleves', label: 'Élèves', icon: IconUsers },
  { path: 'controle', label: 'Contrôle', icon: IconShieldCheck },
  { path: 'echanges', label: 'Échanges', icon: IconArrowsExchange },
  { path: 'historique', label: 'Historique', icon: IconHistory },
  { path: 'nouvelle-annee', label: 'Nouvelle année', icon: IconCalendarPlus },
] as const;

/** The frame of every screen: establishment and year pickers, the sections, the user. */
export function AppLayout() {
  const { uai, year, base, establishment, establishments, years } = useSchool();
  const { user, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const section = location.pathname.slice(base.length + 1).split('/')[0] ?? 'tableau-de-bord';

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Title order={1} size="h3" c="indigo.7">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                Liaison
              </Link>
            </Title>
            <Select
              aria-label="Établissement"
              w={330}
              allowDeselect={false}
              data={establishments.map((e) => ({ value: e.uai, label: `${e.name} (${e.uai})` }))}
              value={uai}
              onChange={(value) => value && value !== uai && navigate(`/e/${value}/${year}/${section}`)}
            />
            <Select
              aria-label="Année scolaire"
              w={130}
              allowDeselect={false}
              data={years.map((y) => ({ value: String(y.year), label: y.label }))}
              value={String(year)}
              onChange={(value) => value && navigate(`/e/${uai}/${value}/${section}`)}
            />
            {establishment && (
              <Badge variant="light" color={establishment.degree === 'first' ? 'teal' : 'grape'}>
                {DEGREE_LABELS[establishment.degree]}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" data-testid="current-user">
              {user?.login} · {ROLE_LABELS[user?.role ?? ''] ?? user?.role}
            </Text>
            <Button variant="subtle" leftSection={<IconLogout size={16} />} onClick={() => void logout()}>
              Se déconnecter
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label="Sections">
            {SECTIONS.map((s) => (
              <NavLink
                key={s.path}
                component={Link}
                to={`${base}/${s.path}`}
                label={s.label}
                leftSection={<s.icon size={18} />}
                active={section === s.path}
                aria-current={section === s.path ? 'page' : undefined}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" p="xs">
            API : <a href="/api/docs">documentation</a>
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1400}>
          <Suspense fallback={<Loader aria-label="Chargement de l’écran" m="xl" />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
