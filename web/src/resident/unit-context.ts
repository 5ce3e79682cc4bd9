import { createContext, useContext } from 'react';
import type { ResidentUnitQuery } from './gql/graphql';

export type Unit = NonNullable<ResidentUnitQuery['residentUnit']>;

/** The QR code's tenant and unit, for every page under /r/<tenant>/<unit>. */
export interface UnitPlace {
  tenant: string;
  unit: Unit;
  /** /r/<tenant>/<unit>: the pages' links are relative to it */
  base: string;
}

export const UnitContext = createContext<UnitPlace | null>(null);

export function usePlace(): UnitPlace {
  const p = useContext(UnitContext);
  if (!p) throw new Error('resident pages render inside UnitLayout');
  return p;
}
