import { EventStore1764300000000 } from './1764300000000-event-store';
import { Users1764300000001 } from './1764300000001-users';
import { ExportFiles1764300000002 } from './1764300000002-export-files';

/** In order; a migration, once released, is never edited: add a new one. */
export const migrations = [EventStore1764300000000, Users1764300000001, ExportFiles1764300000002];
