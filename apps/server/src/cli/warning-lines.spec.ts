import { type Anomaly } from '@liaison/domain';
import { warningLines } from './warning-lines';

const warning = (label: string, rule: string, message: string): Anomaly => ({
  rule,
  severity: 'warning',
  entity: { kind: 'pupil', id: label, label },
  message,
});

describe('warningLines', () => {
  it('says a warning repeated on many records once, with the count and the first names; the rest one by one', () => {
    const regime = 'Régime non renseigné : « 0 » est envoyé';
    const warnings = [
      ...['DUPONT Jean (3A)', 'MARTIN Léa (3A)', 'PÉRON Alice (4B)', 'ROUX Noé (5C)', 'SIMON Ana (6A)'].map((l) =>
        warning(l, 'defaut-regime', regime),
      ),
      warning('DUPONT Jean (3A)', 'eleve-ine-absent', 'INE manquant'),
      warning('MARTIN Léa (3A)', 'eleve-ine-absent', 'INE manquant'),
    ];
    expect(warningLines(warnings)).toEqual([
      `attention : ${regime} — 5 fiches : DUPONT Jean (3A), MARTIN Léa (3A), PÉRON Alice (4B), … (2 autre(s))`,
      'attention : DUPONT Jean (3A) : INE manquant',
      'attention : MARTIN Léa (3A) : INE manquant',
    ]);
  });

  it('names every record of a group of three, and prints nothing without warnings', () => {
    const three = ['A', 'B', 'C'].map((l) => warning(l, 'r', 'm'));
    expect(warningLines(three)).toEqual(['attention : m — 3 fiches : A, B, C']);
    expect(warningLines([])).toEqual([]);
  });
});
