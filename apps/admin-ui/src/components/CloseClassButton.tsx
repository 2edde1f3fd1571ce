import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { command } from '../api/commands';
import type { ClassDto } from '../api/types';
import { useAuth } from '../auth';
import { todayIso } from '../lib/school-year';
import type { RecordSaver } from '../lib/use-record-save';
import { ErrorAlert } from './ErrorAlert';

/**
 * « Fermer la classe… »: from a date of the year, once no pupil is enrolled in it any more (the
 * server says how many are left). A closed class stays in the year's history and its exports.
 */
export function CloseClassButton({ cls, saver, onClosed }: { cls: ClassDto; saver: RecordSaver; onClosed: () => void }) {
  const { canWrite } = useAuth();
  const [confirming, setConfirming] = useState(false);
  const [closedOn, setClosedOn] = useState(todayIso());
  if (cls.closedOn) return null;
  const close = async () => {
    const ref = { uai: cls.uai, year: cls.year, classCode: cls.classCode };
    if (await saver.save('close', [command('CloseClass', { ...ref, closedOn })], `La classe ${cls.classCode} est fermée.`)) {
      setConfirming(false);
      onClosed();
    }
  };
  return (
    <>
      <Button variant="subtle" color="red" disabled={!canWrite} onClick={() => setConfirming(true)}>
        Fermer la classe…
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Fermer la classe ${cls.classCode} ?`}>
        <Stack>
          <Text size="sm">
            Une classe fermée ne reçoit plus d’élèves ; elle reste dans l’historique de l’année. Elle doit être vide : changez ses
            élèves de classe ou enregistrez leur sortie avant.
          </Text>
          <TextInput
            label="Fermée le"
            type="date"
            name="closedOn"
            value={closedOn}
            onChange={(e) => setClosedOn(e.currentTarget.value)}
          />
          <ErrorAlert error={saver.errors.close} title="Non fermée" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Annuler
            </Button>
            <Button color="red" loading={saver.saving === 'close'} onClick={() => void close()}>
              Fermer {cls.classCode}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
