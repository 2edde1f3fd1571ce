import { notifications } from '@mantine/notifications';
import { useCallback, useRef, useState } from 'react';
import type { CommandResultDto } from '../api/types';
import type { WithEtag } from '../api/client';
import { explainStale, isStale, type StaleInfo } from './stale';

type Send = (ifMatch: string | null) => Promise<WithEtag<CommandResultDto>>;

/**
 * Saving an edited resource with `If-Match`: the commands of one save are sent in order, each
 * with the ETag the previous one returned; a 412 is explained (`stale`) and nothing is lost; the
 * resource is reloaded after a save before the form may save again.
 */
export function useRecordSave(etag: string | null | undefined, reload: () => Promise<unknown>) {
  const [stale, setStale] = useState<StaleInfo>();
  const [saving, setSaving] = useState<string>();
  const [reloading, setReloading] = useState(false);
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const etagRef = useRef(etag);
  etagRef.current = etag;

  const save = useCallback(
    async (section: string, sends: Send[], success: string): Promise<boolean> => {
      setSaving(section);
      setErrors((e) => ({ ...e, [section]: undefined }));
      const sentWith = etagRef.current ?? null;
      try {
        if (sends.length === 0) {
          notifications.show({ color: 'gray', message: 'Aucune modification à enregistrer.' });
          return true;
        }
        let ifMatch = sentWith;
        const warnings: string[] = [];
        for (const send of sends) {
          const result = await send(ifMatch);
          warnings.push(...result.data.warnings);
          // Several commands on a single-stream resource chain their ETags; a composite ETag
          // (pupil + guardians) is re-read after the save instead.
          ifMatch = ifMatch?.includes('|') ? null : result.etag;
        }
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
