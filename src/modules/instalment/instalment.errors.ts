export enum InstalmentErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  INVALID = 'INVALID',
  ALREADY_PAID = 'ALREADY_PAID',
}
