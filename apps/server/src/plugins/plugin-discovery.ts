import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type LiaisonPlugin } from '@liaison/domain';

/** The workspace's `plugins/` folder, seen from the built server (`apps/server/dist/...`). */
export const DEFAULT_PLUGINS_DIR = resolve(__dirname, '../../../../plugins');

interface PluginPackageJson {
  name?: string;
  liaison?: { plugin?: boolean };
}

/**
 * Finds the plugin packages of a folder: every sub-folder whose package.json says
 * `"liaison": { "plugin": true }`. Adding a plugin is adding a folder, never editing the server.
 */
export function discoverPlugins(dir: string = DEFAULT_PLUGINS_DIR): LiaisonPlugin[] {
  if (!existsSync(dir)) return [];
  const plugins: LiaisonPlugin[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const pkgDir = join(dir, entry.name);
    const pkgFile = join(pkgDir, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as PluginPackageJson;
    if (!pkg.liaison?.plugin) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(pkgDir) as { createPlugin?: () => LiaisonPlugin };
    if (typeof mod.createPlugin !== 'function') {
      throw new Error(`Plugin package ${pkg.name ?? pkgDir} does not export createPlugin()`);
    }
    plugins.push(mod.createPlugin());
  }
  return plugins;
}
