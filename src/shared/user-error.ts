import type { MessageId, MessageRef, MessageValues } from './message-ref';

/**
 * A problem with the input that the caller can fix, as services return it (errors as data).
 * `message` is a catalogue key and values; the GraphQL layer renders it in the request's locale.
 */
export interface UserErrorData<C extends string = string> {
  field: string[] | null;
  code: C;
  message: MessageRef;
}

export const userError = <C extends string>(
  field: string[] | null,
  code: C,
  id: MessageId,
  values?: MessageValues,
): UserErrorData<C> => ({
  field,
  code,
  message: values ? { id, values } : { id },
});
