import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../api/client';

/** The establishment and school year of the current page (`/e/:uai/:year/…`). */
export function useSchool() {
  const params = useParams();
  const uai = params.uai ?? '';
  const year = Number(params.year);
  const establishments = useQuery({ queryKey: ['establishments'], queryFn: () => api.establishments() });
  const years = useQuery({ queryKey: ['years', uai], queryFn: () => api.years(uai), enabled: Boolean(uai) });
  const establishment = establishments.data?.find((e) => e.uai === uai);
  return {
    uai,
    year,
    base: `/e/${uai}/${year}`,
    establishment,
    establishments: establishments.data ?? [],
    years: years.data ?? [],
    loading: establishments.isLoading || years.isLoading,
  };
}

/** The nomenclature of the year (formations, languages, class types), cached for the session. */
export function useNomenclature(uai: string, year: number) {
  const query = useQuery({
    queryKey: ['nomenclature', uai, year],
    queryFn: () => api.nomenclature(uai, year),
    staleTime: 5 * 60_000,
  });
  const entries = query.data ?? [];
  const of = (kind: 'formation' | 'language' | 'classType') =>
    entries.filter((e) => e.kind === kind).map((e) => ({ value: e.code, label: `${e.label} (${e.code})` }));
  return {
    formations: of('formation'),
    languages: of('language'),
    classTypes: of('classType'),
    labelOf: (kind: 'formation' | 'language' | 'classType', code: string | null | undefined) =>
      code ? (entries.find((e) => e.kind === kind && e.code === code)?.label ?? code) : '—',
    isLoading: query.isLoading,
  };
}

/** Every control of the year (all plugins of the degree): anomalies per pupil for the beacons. */
export function useAnomalies(uai: string, year: number) {
  return useQuery({
    queryKey: ['anomalies', uai, year],
    queryFn: () => api.anomalies(uai, year),
    staleTime: 30_000,
  });
}
