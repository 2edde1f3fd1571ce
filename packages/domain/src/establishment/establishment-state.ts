export type Degree = 'first' | 'second';
export type Contract = 'association' | 'simple' | 'hors-contrat';
/** How pupils are exchanged with SIECLE: files (case 2 of the seed) or the web service (case 1). */
export type ExchangeMode = 'files' | 'web-service';

export interface EstablishmentState {
  registered: boolean;
  uai?: string;
  name?: string;
  degree?: Degree;
  contract?: Contract;
  /** The mode last set by `SetExchangeMode`; absent until one is set (see `exchangeModeOf`). */
  exchangeMode?: ExchangeMode;
}

export const initialEstablishmentState = (): EstablishmentState => ({ registered: false });

/** The mode in force: the one set, else files, the default. */
export function exchangeModeOf(state: EstablishmentState): ExchangeMode {
  return state.exchangeMode ?? 'files';
}
