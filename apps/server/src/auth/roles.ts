export const ROLES = ['admin', 'direction', 'secretariat', 'lecture'] as const;
export type Role = (typeof ROLES)[number];

/** Roles allowed to change school data; `lecture` only reads. */
export const WRITER_ROLES: readonly Role[] = ['admin', 'direction', 'secretariat'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
