import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { api } from './api/client';
import { useAuth } from './auth';
import { AppLayout } from './components/AppLayout';
import { ErrorAlert } from './components/ErrorAlert';
import { currentSchoolYear } from './lib/school-year';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Each screen is its own chunk: the login screen loads fast, the domain package (folding in the
// browser) only with the screens that use it.
const ControlPage = lazy(() => import('./pages/ControlPage').then((m) => ({ default: m.ControlPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ExchangesPage = lazy(() => import('./pages/ExchangesPage').then((m) => ({ default: m.ExchangesPage })));
const HistoryPage = lazy(() => import('./pages/HistoryPage').then((m) => ({ default: m.HistoryPage })));
const PupilRecordPage = lazy(() => import('./pages/PupilRecordPage').then((m) => ({ default: m.PupilRecordPage })));
const PupilsPage = lazy(() => import('./pages/PupilsPage').then((m) => ({ default: m.PupilsPage })));
const RolloverPage = lazy(() => import('./pages/RolloverPage').then((m) => ({ default: m.RolloverPage })));
const StructurePage = lazy(() => import('./pages/StructurePage').then((m) => ({ default: m.StructurePage })));

function RequireAuth() {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) return <Navigate to="/connexion" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** `/`: the first establishment, in the school year running today (else its latest year). */
function Home() {
  const establishments = useQuery({ queryKey: ['establishments'], queryFn: () => api.establishments() });
  const first = establishments.data?.[0];
  const years = useQuery({
    queryKey: ['years', first?.uai],
    queryFn: () => api.years(first!.uai),
    enabled: Boolean(first),
  });
  if (establishments.error) return <ErrorAlert error={establishments.error} />;
  if (years.error) return <ErrorAlert error={years.error} />;
  if (establishments.data && !first) {
    return <ErrorAlert error={new Error('Aucun établissement dans la base : lancez « liaison demo » ou enregistrez-en un.')} />;
  }
  if (!first || !years.data) {
    return (
      <Center h="100vh">
        <Loader aria-label="Chargement" />
      </Center>
    );
  }
  const today = currentSchoolYear();
  const year = years.data.find((y) => y.year === today)?.year ?? years.data.at(-1)?.year ?? today;
  return <Navigate to={`/e/${first.uai}/${year}/tableau-de-bord`} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/connexion" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route path="/" element={<Home />} />
        <Route path="/e/:uai/:year" element={<AppLayout />}>
          <Route index element={<Navigate to="tableau-de-bord" replace />} />
          <Route path="tableau-de-bord" element={<DashboardPage />} />
          <Route path="structure" element={<StructurePage />} />
          <Route path="eleves" element={<PupilsPage />} />
          <Route path="eleves/:pupilId" element={<PupilRecordPage />} />
          <Route path="controle" element={<ControlPage />} />
          <Route path="echanges" element={<ExchangesPage />} />
          <Route path="historique" element={<HistoryPage />} />
          <Route path="nouvelle-annee" element={<RolloverPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
