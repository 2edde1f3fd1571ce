/** How our files name their producer (LSU and LSL `entete`): fixed, so an export is reproducible. */
export const SOFTWARE = {
  editor: 'Liaison',
  application: 'Liaison - livrets scolaires',
  version: '0.1.0',
} as const;
