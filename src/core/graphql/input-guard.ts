import {
  GraphQLError,
  Kind,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { badUserInput } from '../errors/errors';
import { isCanonicalUuid } from '../../shared/ids';
import { unstorableKind } from '../../shared/text';
import type { MessageRef } from '../../shared/message-ref';
import { DEFAULT_MAX_LENGTH, MAX_LENGTH, NON_UUID_IDS } from './input-limits';
import { coerceVariables, rootType } from './operation';

/** Why one string is refused, or null; `path` names it as the client wrote it (`input.title`). */
function stringProblem(value: string, coordinate: string, path: string, isId: boolean): MessageRef | null {
  if (isId && !NON_UUID_IDS.has(coordinate)) {
    return isCanonicalUuid(value) ? null : { id: 'error.notUuid', values: { path } };
  }
  const max = MAX_LENGTH[coordinate] ?? DEFAULT_MAX_LENGTH;
  if (value.length > max) return { id: 'error.tooLong', values: { path, max } };
  const unstorable = unstorableKind(value);
  if (!unstorable) return null;
  return { id: unstorable === 'control' ? 'error.controlChar' : 'error.invalidUnicode', values: { path } };
}

/** Walks one coerced argument value along its input type; the first problem found, or null. */
function valueProblem(value: unknown, type: GraphQLInputType, coordinate: string, path: string): MessageRef | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return valueProblem(value, type.ofType, coordinate, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length; i++) {
      const p = valueProblem(items[i], type.ofType, coordinate, `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[name];
      const p = f ? valueProblem(v, f.type, `${type.name}.${name}`, `${path}.${name}`) : null;
      if (p) return p;
    }
    return null;
  }
  const named = getNamedType(type);
  if (typeof value === 'string' && (named.name === 'String' || named.name === 'ID')) {
    return stringProblem(value, coordinate, path, named.name === 'ID');
  }
  return null;
}

/**
 * Checks every String and ID an operation hands to a resolver — literals, variables and
 * variables' defaults alike, at every field of the operation and its fragments — before any
 * resolver (and so any SQL) runs: ids must be UUIDs, strings must fit their field's length
 * (core/graphql/input-limits.ts) and hold no control characters PostgreSQL or our exports
 * cannot take. One schema-wide check, so no resolver can forget it. A refusal is top-level
 * BAD_USER_INPUT naming the argument; formats and business rules stay userErrors of the
 * mutations. Each selection set is visited once, however often its fragment is spread.
 */
export function checkOperationInputs(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  const coerced = coerceVariables(schema, op, variables);
  if (!coerced.ok) return badUserInput(coerced.message);
  const vars = coerced.values;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const visited = new Set<string>();

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): MessageRef | null => {
    for (const sel of set.selections) {
      let problem: MessageRef | null = null;
      if (sel.kind === Kind.FIELD) {
        const def =
          parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[sel.name.value] : undefined;
        if (!def) continue;
        for (const argNode of sel.arguments ?? []) {
          const argDef = def.args.find((a) => a.name === argNode.name.value);
          if (!argDef) continue;
          const value = valueFromAST(argNode.value, argDef.type, vars);
          problem = valueProblem(value, argDef.type, `${parent!.name}.${def.name}(${argDef.name})`, argDef.name);
          if (problem) return problem;
        }
        if (sel.selectionSet) problem = walk(sel.selectionSet, getNamedType(def.type));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : undefined;
        problem = walk(sel.selectionSet, cond ?? parent);
      } else if (!visited.has(sel.name.value)) {
        visited.add(sel.name.value);
        const frag = fragments.get(sel.name.value);
        if (frag) problem = walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value));
      }
      if (problem) return problem;
    }
    return null;
  };

  const problem = walk(op.selectionSet, rootType(schema, op));
  return problem ? badUserInput(problem) : null;
}
