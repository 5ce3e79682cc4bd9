/**
 * A sentence for a person, as the domain states it: a catalogue key and named values. The words
 * are chosen where the answer is shaped, in the request's locale (core/i18n); services never
 * pick a language. Values that read differently per locale are tagged, not pre-formatted.
 */
export type MessageArg =
  | string
  | number
  /** an enum value shown by its label: 待受理 for CaseStatus.REPORTED */
  | { enum: string; value: string }
  /** an instant, shown in the tenant's time zone: 2026年11月27日 16:56 */
  | { time: Date | string }
  /** an amount of yuan as a decimal string */
  | { money: string }
  /** items joined as the locale joins a list: 受理员、调度员 */
  | { list: MessageArg[] }
  /** a whole sentence inside another (the reason a variable's value was refused) */
  | { nested: MessageRef };

export type MessageValues = Record<string, MessageArg>;

/**
 * The catalogue's keys, filled in by core/i18n through declaration merging (as i18next's
 * CustomTypeOptions is), so services name only messages that exist without shared/ importing core/.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into by core/i18n/catalog/en.ts
export interface MessageCatalogue {}
export type MessageId = keyof MessageCatalogue & string;

export interface MessageRef {
  id: string;
  values?: MessageValues;
}

export const enumArg = (enumName: string, value: string): MessageArg => ({ enum: enumName, value });
export const timeArg = (time: Date): MessageArg => ({ time });
export const moneyArg = (money: string): MessageArg => ({ money });
export const listArg = (items: MessageArg[]): MessageArg => ({ list: items });
export const enumListArg = (enumName: string, values: readonly string[]): MessageArg => ({
  list: values.map((value) => ({ enum: enumName, value })),
});
