/**
 * The plugin's two stream kinds (the part of a stream id before the first dash):
 *
 * - `livret-<UAI>-<YYYY>-<pupilId>`: one pupil's livret for one school year — what the grade
 *   book hands over for them (per period: subjects, synthesis, vie scolaire, projects; the
 *   end-of-cycle bilan; the lycée's annual appraisals and opinions). One stream per pupil and
 *   year keeps streams short, makes concurrent entry for different pupils conflict-free, and lets
 *   history and time travel show « what changed in this pupil's livret ».
 * - `livretannee-<UAI>-<YYYY>`: what the year's livrets share — EPI and AP projects, class
 *   statistics, the head who signs, the schemas chosen for the campaign.
 */
export const LIVRET_STREAM_KIND = 'livret';
export const LIVRET_YEAR_STREAM_KIND = 'livretannee';

export const livretStreamId = (uai: string, year: number, pupilId: string) => `${LIVRET_STREAM_KIND}-${uai}-${year}-${pupilId}`;
export const livretYearStreamId = (uai: string, year: number) => `${LIVRET_YEAR_STREAM_KIND}-${uai}-${year}`;

/** The prefix of the pupil livrets of one establishment's year. */
export const livretStreamPrefix = (uai: string, year: number) => `${LIVRET_STREAM_KIND}-${uai}-${year}-`;
