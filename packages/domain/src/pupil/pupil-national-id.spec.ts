import { NationalIdAssigned } from '@liaison/events';
import { cmd, given, pupil, pupilRef } from './testing/pupil-fixtures';
import { ineHolderLookup } from './pupil-lookups';

const assign = (ine: string) => cmd('AssignNationalId', { ...pupilRef, ine });
const assigned = (ine: string) => NationalIdAssigned.create({ ...pupilRef, ine });

describe('AssignNationalId', () => {
  it('assigns an INE nobody holds, asking the read models who holds it', () => {
    const then = given(pupil()).withLookup('ineHolder', null).when(assign('070832327JA'));
    expect(then.lookups).toEqual({ ineHolder: ineHolderLookup('0750680G', '070832327JA') });
    expect(then.thenEmits(assigned('070832327JA')).warnings).toEqual([]);
  });

  it('refuses an INE another pupil of the establishment holds', () => {
    given(pupil())
      .withLookup('ineHolder', 'E002')
      .when(assign('070832327JA'))
      .thenRejects('ine_taken', 'l’INE 070832327JA est déjà attribué à l’élève E002 dans l’établissement 0750680G');
  });

  it('emits nothing when the pupil already holds that INE', () => {
    given(pupil(assigned('070832327JA')))
      .withLookup('ineHolder', 'E001')
      .when(assign('070832327JA'))
      .thenEmits();
  });

  it('accepts an INE of unknown format with a warning', () => {
    const decision = given(pupil()).withLookup('ineHolder', null).when(assign('1234A')).thenEmits(assigned('1234A'));
    expect(decision.warnings).toEqual([expect.stringContaining('de format inconnu')]);
  });

  it('replaces a previous INE with a warning', () => {
    const decision = given(pupil(assigned('0113014881M')))
      .withLookup('ineHolder', null)
      .when(assign('070832327JA'))
      .thenEmits(assigned('070832327JA'));
    expect(decision.warnings).toEqual(['l’INE 0113014881M de l’élève E001 est remplacé par 070832327JA']);
  });

  it('reads a lower-case INE as the same number', () => {
    given(pupil()).withLookup('ineHolder', null).when(assign(' 070832327ja ')).thenEmits(assigned('070832327JA'));
  });

  it('refuses a wrong check key as invalid input', () => {
    given(pupil())
      .withLookup('ineHolder', null)
      .when(assign('070876696HA'))
      .thenRejects('invalid_value', 'la clé INE-RNIE attendue est « EA »');
  });

  it('refuses an unknown pupil', () => {
    given().withLookup('ineHolder', null).when(assign('070832327JA')).thenRejects('pupil_unknown');
  });
});
