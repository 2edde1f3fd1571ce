/** The plugin's id: checklist prefix (`second-degree-livrets:9`), control id. */
export const PLUGIN_ID = 'second-degree-livrets';

/** The grade book's assessments of one period, as a CSV file (our documented template). */
export const EVALUATIONS_FORMAT_ID = 'livrets.evaluations';

/** The grade book's end-of-cycle bilans (6e, 3e), one line per pupil, as a CSV file (our documented template). */
export const CYCLE_BILANS_FORMAT_ID = 'livrets.bilans-cycle';

/** The LSU import file: collège periodic and end-of-cycle bilans (official XSD). */
export const LSU_FORMAT_ID = 'lsu.bilans';

/** The LSL import file for the classes de première (public XSD 1.0, pre-reform). */
export const LSL_FORMAT_ID = 'lsl.livret';

/** The post-2021 Parcoursup grades upload: not public, our documented adapter. */
export const PARCOURSUP_FORMAT_ID = 'parcoursup.notes';
