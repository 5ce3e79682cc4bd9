import { Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';

@InterfaceType({ description: 'A problem with the input that the caller can fix; nothing was changed.' })
export abstract class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["input", "code"]' })
  field!: string[] | null;

  @Field(() => String)
  message!: string;
}

type EnumObj = Record<string, string>;

/**
 * One error type per domain area (`TenantUserError { code: TenantErrorCode }`), so clients
 * can switch on codes that are stable and documented per area.
 */
export function createUserErrorType<E extends EnumObj>(area: string, codes: E) {
  registerEnumType(codes, { name: `${area}ErrorCode` });

  @ObjectType(`${area}UserError`, { implements: UserError })
  class AreaUserError extends UserError {
    @Field(() => codes)
    code!: E[keyof E];
  }
  return AreaUserError;
}

// The data side lives in shared/ (services return it); re-exported for the GraphQL layer.
export { userError, type UserErrorData } from '../../shared/user-error';
