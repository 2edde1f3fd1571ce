import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCoreCatalogue } from '@liaison/events';
import { Database } from '../database/database';
import { EventStore } from './event-store';

it('experiment', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-'));
  const file = path.join(dir, 'x.db');
  const cat = createCoreCatalogue().freeze();
  const db1 = await Database.open(file);
  const db2 = await Database.open(file);
  const s1 = new EventStore(db1, cat);
  const s2 = new EventStore(db2, cat);
  const ev = { type: 'YearOpened', data: { uai: '0750680G', year: 2024 } };
  const md = { actor: 'a', source: 's', correlationId: 'c', occurredAt: new Date().toISOString() };
  const t = Date.now();
  const r = await Promise.allSettled([
    s1.append([{ streamId: 'year-0750680G-2024', expected: 'no_stream', events: [ev], metadata: md }]),
    s2.append([{ streamId: 'year-0750680G-2024', expected: 'no_stream', events: [ev], metadata: md }]),
  ]);
  console.log(Date.now() - t, r);
  await db1.close(); await db2.close();
}, 60000);
