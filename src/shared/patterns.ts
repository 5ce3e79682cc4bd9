/** Input shapes several modules accept; one definition each so the rules cannot drift apart. */

/** A wall-clock time of day, 00:00–23:59 (hours and minutes captured). */
export const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A money amount in yuan: up to 14 integer digits and 2 decimals, as numeric(16,2) stores it. */
export const MONEY_RE = /^\d{1,14}(\.\d{1,2})?$/;
