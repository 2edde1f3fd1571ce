import { type LiaisonPlugin } from '@liaison/domain';

/**
 * The plugins in an order where each comes after the plugins it `requires` (their events are
 * registered first, their demo contributions applied first), otherwise in the given order.
 * A missing requirement or a cycle stops the server: a plugin reading events nobody declares
 * would fail later, less clearly.
 */
export function orderByRequirements(plugins: readonly LiaisonPlugin[]): LiaisonPlugin[] {
  const byId = new Map(plugins.map((p) => [p.manifest.id, p]));
  const ordered: LiaisonPlugin[] = [];
  const done = new Set<string>();
  const visiting: string[] = [];
  const visit = (plugin: LiaisonPlugin): void => {
    const id = plugin.manifest.id;
    if (done.has(id)) return;
    if (visiting.includes(id)) throw new Error(`Plugins require each other in a cycle: ${[...visiting, id].join(' → ')}`);
    visiting.push(id);
    for (const required of plugin.manifest.requires ?? []) {
      const dependency = byId.get(required);
      if (!dependency) throw new Error(`Plugin ${id} requires the plugin ${required}, which is not installed`);
      visit(dependency);
    }
    visiting.pop();
    done.add(id);
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin);
  return ordered;
}
