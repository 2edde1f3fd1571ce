import { formatsOf, type LiaisonPlugin } from '@liaison/domain';

/** What `liaison formats` and `GET /api/formats` tell of a plugin: its manifest and everything it offers. */
export function describePlugin(p: LiaisonPlugin) {
  return {
    ...p.manifest,
    formats: formatsOf(p).map((f) =>
      f.direction === 'import'
        ? { ...f, defaultFile: Boolean(p.importers?.find((i) => i.formatId === f.formatId)?.defaultFile) }
        : f,
    ),
    controls: (p.controls ?? []).map((c) => ({ id: c.id, displayName: c.displayName })),
    reports: (p.reports ?? []).map((r) => ({ id: r.id, displayName: r.displayName, parameters: r.parameters ?? {} })),
    channels: (p.channels ?? []).map((c) => ({
      id: c.id,
      displayName: c.displayName,
      status: c.status,
      actions: c.actions,
      settings: c.settings ?? [],
    })),
  };
}
