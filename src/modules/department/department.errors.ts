export enum DepartmentErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  CODE_TAKEN = 'CODE_TAKEN',
  INVALID = 'INVALID',
}
