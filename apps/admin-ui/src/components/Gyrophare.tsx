import { Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconUrgent } from '@tabler/icons-react';

/**
 * The warning beacon of a pupil with anomalies: red and blinking for errors (the pupil blocks the
 * export), orange and steady for warnings only.
 */
export function Gyrophare({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors > 0) {
    const label = `${errors} anomalie${errors > 1 ? 's' : ''} bloquante${errors > 1 ? 's' : ''}`;
    return (
      <Tooltip label={label}>
        <span role="img" aria-label={label} data-testid="gyrophare" className="gyrophare" style={{ display: 'inline-flex' }}>
          <IconUrgent size={20} />
        </span>
      </Tooltip>
    );
  }
  if (warnings > 0) {
    const label = `${warnings} avertissement${warnings > 1 ? 's' : ''}`;
    return (
      <Tooltip label={label}>
        <span role="img" aria-label={label} className="gyrophare-warning" style={{ display: 'inline-flex' }}>
          <IconAlertTriangle size={18} />
        </span>
      </Tooltip>
    );
  }
  return null;
}
