import { notifications } from '@mantine/notifications';
import { useCallback, useRef, useState } from 'react';
import { api } from '../api/client';
import type { UiCommand } from '../api/commands';
import { explainStale, isStale, type StaleInfo } from './stale';

/** What a save sends: one command, or several that stand or fall together. */
async function send(commands: readonly UiCommand[], ifMatch: string | null): Promise<string[]> {
  if (commands.length === 1) return (await api.send(commands[0]!, ifMatch)).data.warnings;
  return (await api.commands(commands, ifMatch)).data.results.flatMap((r) => r.warnings);
}

/**
 * Saving an edited resource with `If-Match`: the commands of one save go in one request (a batch
 * when there are several: all or nothing, the ETag checked before the first), a 412 is
 * explained (`stale`) and nothing is lost; the resource is reloaded after a save before the
 * form may save again.
 */
export function useRecordSave(etag: string | null | undefined, reload: () => Promise<unknown>) {
  const [stale, setStale] = useState<StaleInfo>();
  const [saving, setSaving] = useState<string>();
  const [reloading, setReloading] = useState(false);
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const etagRef = useRef(etag);
  etagRef.current = etag;

  const save = useCallback(
    async (section: string, commands: readonly UiCommand[], success: string): Promise<boolean> => {
      setSaving(section);
      setErrors((e) => ({ ...e, [section]: undefined }));
      const sentWith = etagRef.current ?? null;
      try {
        if (commands.length === 0) {
          notifications.show({ color: 'gray', message: 'Aucune modification à enregistrer.' });
          return true;
        }
        const warnings = await send(commands, sentWith);
        await reload();
        notifications.show({ color: 'green', title: 'Enregistré', message: success });
        for (const w of warnings) notifications.show({ color: 'yellow', title: 'Avertissement', message: w, autoClose: 10_000 });
        return true;
      } catch (error) {
        if (isStale(error)) setStale(await explainStale(error, sentWith));
        else setErrors((e) => ({ ...e, [section]: error }));
        return false;
      } finally {
        setSaving(undefined);
      }
    },
    [reload],
  );

  const reloadAfterStale = useCallback(async () => {
    setReloading(true);
    try {
      await reload();
      setStale(undefined);
    } finally {
      setReloading(false);
    }
  }, [reload]);

  return { save, saving, stale, reloadAfterStale, reloading, errors };
}

export type RecordSaver = ReturnType<typeof useRecordSave>;
