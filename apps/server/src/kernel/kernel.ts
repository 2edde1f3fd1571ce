import { CommandRegistry, coreAggregates, coreCommands, type LiaisonPlugin, type Projection } from '@liaison/domain';
import { createCoreCatalogue, type EventCatalogue } from '@liaison/events';
import { CommandPipeline } from '../commands/command-pipeline';
import { Database } from '../database/database';
import { EventStore } from '../event-store/event-store';
import { discoverPlugins } from '../plugins/plugin-discovery';
import { PluginRegistry } from '../plugins/plugin-registry';
import { ProjectionEngine } from '../projections/projection-engine';
import { TimeTravel } from '../time-travel/time-travel';
import { HistoryService } from '../history/history-service';
import { ControlService } from '../exchanges/control-service';
import { ExportService } from '../exchanges/export-service';
import { ImportService } from '../exchanges/import-service';
import { coreLookups } from '../read-models/core-lookups';
import { coreProjections } from '../read-models/core-projections';
import { ChecklistService } from '../checklist/checklist-service';
import { ReportService } from '../exchanges/report-service';
import { checklistStepLookup } from '../checklist/checklist-step-lookup';
import { RolloverService } from '../rollover/rollover-service';

export interface KernelOptions {
  dbPath: string;
  /** Plugins to load; by default every plugin package of the workspace's `plugins/` folder. */
  plugins?: readonly LiaisonPlugin[];
  /** Extra projections (tests, benchmarks). */
  projections?: readonly Projection[];
  projectionBatchSize?: number;
}

/**
 * The composition root, free of Nest so that tests and benchmarks can build the same engine:
 * database, catalogues (core then plugins, then frozen), store, projections, pipeline.
 */
export class Kernel {
  readonly imports = new ImportService(this);
  readonly controls = new ControlService(this);
  readonly exports = new ExportService(this);
  readonly rollovers = new RolloverService(this);
  readonly checklists = new ChecklistService(this);
  readonly reports = new ReportService(this);

  private constructor(
    readonly db: Database,
    readonly catalogue: EventCatalogue,
    readonly commands: CommandRegistry,
    readonly plugins: PluginRegistry,
    readonly store: EventStore,
    readonly projections: ProjectionEngine,
    readonly pipeline: CommandPipeline,
    readonly timeTravel: TimeTravel,
    readonly history: HistoryService,
  ) {}

  static async open(options: KernelOptions): Promise<Kernel> {
    const plugins = new PluginRegistry(options.plugins ?? discoverPlugins());
    const catalogue = createCoreCatalogue();
    const commands = new CommandRegistry().register(...coreCommands);
    plugins.contributeTo(catalogue, commands);
    catalogue.freeze();
    commands.freeze();
    const db = await Database.open(options.dbPath);
    try {
      const store = new EventStore(db, catalogue);
      const projections = new ProjectionEngine(
        db,
        store,
        [...coreProjections(catalogue), ...plugins.projections(), ...(options.projections ?? [])],
        options.projectionBatchSize,
      );
      await projections.start();
      const pipeline = new CommandPipeline(db, store, commands, [
        ...coreLookups,
        checklistStepLookup(plugins),
        ...plugins.lookups(),
      ]);
      const timeTravel = new TimeTravel(store, () => projections.projections);
      const history = new HistoryService(store, new Map([...coreAggregates, ...plugins.aggregates()]));
      return new Kernel(db, catalogue, commands, plugins, store, projections, pipeline, timeTravel, history);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  close(): Promise<void> {
    this.timeTravel.close();
    return this.db.close();
  }
}
