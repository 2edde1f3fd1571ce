/**
 * Typographic punctuation that ISO-8859-15 lacks, with the plain character a typist means by
 * it: « rue de l’Église » is « rue de l'Église ». Word processors and phones type these on
 * their own, so refusing them would block most addresses; replacing them changes no letter.
 * Letters outside Latin-9 (ł, ş, ễ…) are never replaced: the control reports them.
 * Documented in docs/formats/onde-be1d.md (« Encodage »).
 */
const PLAIN: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  // Thin and narrow no-break spaces (before « : » or « ; » in French typography).
  [/[\u2009\u202F\u200A]/g, ' '],
  [/\u200B|\u200C|\u200D|\u2060|\uFEFF/g, ''],
];

export function plainTypography(value: string): string {
  let result = value;
  for (const [pattern, replacement] of PLAIN) result = result.replace(pattern, replacement);
  return result;
}
