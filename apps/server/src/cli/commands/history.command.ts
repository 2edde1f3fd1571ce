import { QueryBus } from '@nestjs/cqrs';
import { type Command } from 'commander';
import { ListEventsQuery } from '../../cqrs/list-events.query';
import { type EventWithChanges } from '../../history/history-service';
import { withAppContext } from '../app-context';
import { type CommonOptions, resolveDbPath, withCommonOptions } from '../options';
import { Output } from '../output';
import { positiveInteger } from '../parse-int';

interface HistoryOptions extends CommonOptions {
  stream?: string;
  uai?: string;
  asOf?: number;
  type?: string;
  actor?: string;
  limit?: number;
  sinceExport?: string;
}

const show = (value: unknown) => (value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value));

function describeEvent(e: EventWithChanges): string {
  const when = e.recordedAt.replace('T', ' ').slice(0, 19);
  const head = `#${e.globalPosition}  ${when}  ${e.metadata.actor} (${e.metadata.source})  ${e.type}  ${e.streamId}`;
  const changes = e.changes.map((c) => `    ${c.field} : ${show(c.before)} → ${show(c.after)}`);
  return [head, ...changes].join('\n');
}

export function registerHistoryCommand(program: Command): void {
  withCommonOptions(
    program
      .command('history')
      .description('historique des événements : qui, quand, d’où, quelles valeurs')
      .option('--stream <id>', 'un flux, ex. pupil-0750680G-E001')
      .option('--uai <uai>', 'les flux d’un établissement')
      .option('--as-of <position>', 'jusqu’à cette position incluse', positiveInteger('--as-of'))
      .option('--type <types>', 'types d’événement, séparés par des virgules')
      .option('--actor <name>', 'auteur')
      .option('--limit <n>', 'nombre maximal d’événements', positiveInteger('--limit'))
      .option('--since-export <id>', 'ce qui a changé, dans le périmètre de cet export, depuis qu’il a été produit'),
  ).action(async (options: HistoryOptions) => {
    const out = new Output(Boolean(options.json));
    const events = await withAppContext(resolveDbPath(options), async (app, kernel) => {
      if (options.sinceExport) return (await kernel.exports.changes(options.sinceExport, 'since')).events;
      const bus = app.get(QueryBus);
      const collected: EventWithChanges[] = [];
      let after: number | undefined;
      for (;;) {
        const remaining = options.limit === undefined ? 1000 : Math.min(1000, options.limit - collected.length);
        if (remaining <= 0) break;
        const page = await bus.execute(
          new ListEventsQuery({
            after,
            upTo: options.asOf,
            limit: remaining,
            streamId: options.stream,
            uai: options.uai,
            types: options.type?.split(',').filter(Boolean),
            actor: options.actor,
          }),
        );
        collected.push(...page.events);
        if (page.next === undefined) break;
        after = page.next;
      }
      return collected;
    });
    out.data(events);
    for (const e of events) out.line(describeEvent(e));
    out.line(`${events.length} événement(s).`);
  });
}
