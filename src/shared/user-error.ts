/** A problem with the input that the caller can fix, as services return it (errors as data). */
export interface UserErrorData<C extends string = string> {
  field: string[] | null;
  code: C;
  message: string;
}

export const userError = <C extends string>(field: string[] | null, code: C, message: string): UserErrorData<C> => ({
  field,
  code,
  message,
});
