import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** A refusal quotes the offending value; a huge one is cut short. */
const MAX_MESSAGE = 500;

/**
 * Operation variables as the resolvers will see them: supplied values coerced, defaults of
 * variables that were not supplied filled in; or why they do not coerce. Refusing here, with
 * the first problem only, matters: past 50 problems graphql-js gives up with an error that has
 * no code, which Apollo then answers as an internal error.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  raw: Record<string, unknown>,
): { ok: true; values: Record<string, unknown> } | { ok: false; message: string } {
  const r = getVariableValues(schema, op.variableDefinitions ?? [], raw, { maxErrors: 1 });
  if (r.coerced) return { ok: true, values: r.coerced };
  const message = r.errors[0]?.message ?? 'Invalid variables';
  return { ok: false, message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message };
}

/** The coerced variables, or null when they do not coerce (see {@link coerceVariables}). */
export function operationVariables(
  schema: GraphQLSchema,
  op: OperationDefinitionNode,
  raw: Record<string, unknown>,
): Record<string, unknown> | null {
  const r = coerceVariables(schema, op, raw);
  return r.ok ? r.values : null;
}

export const rootType = (schema: GraphQLSchema, op: OperationDefinitionNode) =>
  (op.operation === 'mutation'
    ? schema.getMutationType()
    : op.operation === 'subscription'
      ? schema.getSubscriptionType()
      : schema.getQueryType()) ?? undefined;
