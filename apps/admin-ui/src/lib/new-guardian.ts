import { command, type UiCommand } from '../api/commands';
import { FRANCE } from './countries';

export interface NewGuardianDraft {
  civility: string;
  lastName: string;
  firstName: string;
  link: string;
  legalLevel: string;
  parentalAuthority: boolean;
  livesWith: boolean;
  line1: string;
  postalCode: string;
  commune: string;
  country: string;
  phone: string;
  mobile: string;
  email: string;
}

export const EMPTY_GUARDIAN: NewGuardianDraft = {
  civility: '',
  lastName: '',
  firstName: '',
  link: '',
  legalLevel: '1',
  parentalAuthority: true,
  livesWith: true,
  line1: '',
  postalCode: '',
  commune: '',
  country: FRANCE,
  phone: '',
  mobile: '',
  email: '',
};

/** A new person linked to the pupil (`AddGuardian`); blank optional fields are not sent. */
export function addGuardianCommand(pupil: { uai: string; pupilId: string }, guardianId: string, d: NewGuardianDraft): UiCommand {
  const t = (value: string) => value.trim();
  const optional = (key: 'phone' | 'mobile' | 'email') => (t(d[key]) ? { [key]: t(d[key]) } : {});
  return command('AddGuardian', {
    uai: pupil.uai,
    pupilId: pupil.pupilId,
    guardian: {
      guardianId,
      civility: d.civility as 'M.' | 'MME',
      lastName: t(d.lastName),
      firstName: t(d.firstName),
      link: d.link,
      legalLevel: Number(d.legalLevel) as 1 | 2 | 3,
      parentalAuthority: d.parentalAuthority,
      livesWith: d.livesWith,
      address: {
        line1: t(d.line1),
        ...(t(d.postalCode) ? { postalCode: t(d.postalCode) } : {}),
        commune: t(d.commune),
        country: d.country,
      },
      ...optional('phone'),
      ...optional('mobile'),
      ...optional('email'),
    },
  });
}
