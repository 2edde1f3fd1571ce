import { type Contract } from '../establishment/establishment-state';

export interface ClassState {
  created: boolean;
  uai?: string;
  year?: number;
  classCode?: string;
  label?: string;
  rectoratCode?: string;
  contractType?: Contract;
  classType?: string;
  /** Formation codes, in the order they were assigned. */
  formations: string[];
  /** Set once the class is closed; a closed class takes no new pupil. */
  closedOn?: string;
}

export const initialClassState = (): ClassState => ({ created: false, formations: [] });
