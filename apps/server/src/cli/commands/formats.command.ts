import { type Command } from 'commander';
import { describePlugin } from '../../plugins/plugin-description';
import { withAppContext } from '../app-context';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';

export function registerFormatsCommand(program: Command): void {
  withCommonOptions(
    program.command('formats').description('plugins chargés et formats d’échange, officiels ou adaptateurs'),
  ).action(async (options: CommonOptions) => {
    const out = new Output(Boolean(options.json));
    const plugins = await withAppContext(resolveDbPath(options), async (_app, kernel) =>
      kernel.plugins.plugins.map(describePlugin),
    );
    out.data({ plugins });
    for (const p of plugins) {
      out.line(`${p.id} — ${p.displayName} (${p.degree === 'first' ? 'premier' : 'second'} degré)`);
      if (p.formats.length === 0) out.line('    aucun format pour l’instant');
      for (const f of p.formats) {
        out.line(
          `    ${f.formatId.padEnd(24)} ${f.direction === 'import' ? 'import' : 'export'}  ${f.status === 'official' ? 'officiel  ' : 'adaptateur'}  ${f.displayName}`,
        );
      }
      for (const r of p.reports) out.line(`    ${r.id.padEnd(24)} rapport             ${r.displayName} (GET …/reports/${r.id})`);
      for (const c of p.channels) {
        const adapter = c.status === 'official' ? 'officiel  ' : 'adaptateur';
        out.line(`    ${c.id.padEnd(24)} canal   ${adapter}  ${c.displayName} — liaison exchange ${c.id} ${c.actions.join('|')}`);
        for (const s of c.settings) out.line(`        ${s.variable}${s.required ? ' (obligatoire)' : ''} : ${s.description}`);
      }
    }
  });
}
