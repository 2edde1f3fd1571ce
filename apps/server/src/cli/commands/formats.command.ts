import { type Command } from 'commander';
import { formatsOf } from '@liaison/domain';
import { withAppContext } from '../app-context';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';

export function registerFormatsCommand(program: Command): void {
  withCommonOptions(
    program.command('formats').description('plugins chargés et formats d’échange, officiels ou adaptateurs'),
  ).action(async (options: CommonOptions) => {
    const out = new Output(Boolean(options.json));
    const plugins = await withAppContext(resolveDbPath(options), async (_app, kernel) =>
      kernel.plugins.plugins.map((p) => ({ ...p.manifest, formats: formatsOf(p) })),
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
    }
  });
}
