export type Degree = 'first' | 'second';
export type Contract = 'association' | 'simple' | 'hors-contrat';

export interface EstablishmentState {
  registered: boolean;
  uai?: string;
  name?: string;
  degree?: Degree;
  contract?: Contract;
}

export const initialEstablishmentState = (): EstablishmentState => ({ registered: false });
