import { maskPersonalText } from '../../shared/personal-text';

/**
 * Text search over a case's title and description. Readers without personal-data rights search
 * the text as they see it: `masked_text` holds title and description with ID numbers and phones
 * masked (null when there was nothing to mask), so a phone or ID number finds nothing for them
 * while the visible ends ("5678") still do. Both expressions have a trigram index.
 */
export const searchedText = (seesPersonalData: boolean, alias = 'c'): string =>
  seesPersonalData
    ? `(${alias}.title || ' ' || ${alias}.description)`
    : `coalesce(${alias}.masked_text, ${alias}.title || ' ' || ${alias}.description)`;

/** The `masked_text` column for a title and description (intake writes it; migration 12 backfilled it). */
export function maskedSearchText(title: string, description: string): string | null {
  const text = `${title} ${description}`;
  const masked = maskPersonalText(text);
  return masked === text ? null : masked;
}

/** `%text%` for ilike, with the pattern characters escaped. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
