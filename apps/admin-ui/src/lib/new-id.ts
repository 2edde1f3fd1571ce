/**
 * A new pupil's or guardian's id, chosen by the browser (ids are the caller's, PRODUCT.md):
 * the kind's letter, the time in base 36 and 4 random characters — 13 characters of A-Z0-9,
 * within the 20 an id may have. Two secretaries creating at the same millisecond would still
 * differ by the random part; a guardian id must never collide, since an existing one would link
 * that person instead of creating a new one.
 */
export function newEntityId(kind: 'E' | 'G', now = Date.now(), random: () => number = Math.random): string {
  const time = now.toString(36).toUpperCase().padStart(8, '0');
  let tail = '';
  for (let i = 0; i < 4; i++)
    tail += Math.floor(random() * 36)
      .toString(36)
      .toUpperCase();
  return `${kind}${time}${tail}`;
}
