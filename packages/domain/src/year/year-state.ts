export interface YearState {
  opened: boolean;
  uai?: string;
  year?: number;
}

export const initialYearState = (): YearState => ({ opened: false });
