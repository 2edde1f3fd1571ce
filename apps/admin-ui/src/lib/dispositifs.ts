/** Usual dispositif codes (LSU nomenclature); others may be typed, the control warns on unknown ones. */
export const DISPOSITIF_OPTIONS = ['ULIS', 'UPE2A', 'PAP', 'PPS', 'PAI', 'PPRE'];
