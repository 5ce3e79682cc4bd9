import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';
import { checkOperationInputs } from './input-guard';
import { operationVariables, rootType } from './operation';
import { badUserInput, queryTooComplex } from '../errors/errors';
import { LIST_SIZES, SHIFTS_PER_DAY } from './list-sizes';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export interface QueryMeasure {
  depth: number;
  aliases: number;
  cost: number;
  /** largest `first` requested anywhere in the operation */
  maxFirst: number;
  /** selections visited: at most the number in the document, whatever its fragments spread */
  steps: number;
}

/** Assumed size of a list field that takes no `first` and is not in LIST_SIZES (e.g. a unit's children). */
const UNPAGED_LIST_ESTIMATE = 10;
const DAY_MS = 86_400_000;

/** What one selection set costs, measured once wherever it is spread. */
interface Tally {
  cost: number;
  /** levels of fields below and including this set's own */
  height: number;
  aliases: number;
  maxFirst: number;
}

const NONE: Tally = { cost: 0, height: 0, aliases: 0, maxFirst: 0 };
const NO_LIMITS: QueryLimits = { maxDepth: Infinity, maxAliases: Infinity, maxCost: Infinity };

/** Thrown inside the walk once a figure passes its limit: nothing further can make it pass. */
class LimitPassed {
  constructor(readonly measure: Partial<QueryMeasure>) {}
}

/**
 * The page size a field's resolver will use, or null when the field is not paginated. Every
 * connection resolver goes through `pageRequest`, which takes `first ?? DEFAULT_PAGE_SIZE`.
 */
function pageSizeOf(node: FieldNode, def: GraphQLField<unknown, unknown> | undefined, vars: Record<string, unknown>) {
  const argNode = node.arguments?.find((a) => a.name.value === 'first');
  const argDef = def?.args.find((a) => a.name === 'first');
  if (!argDef && !argNode) return null;
  let value: unknown = argDef?.defaultValue;
  if (argNode) {
    value =
      argNode.value.kind === Kind.VARIABLE
        ? vars[argNode.value.name.value]
        : argDef
          ? valueFromAST(argNode.value, argDef.type, vars)
          : argNode.value.kind === Kind.INT
            ? Number(argNode.value.value)
            : undefined;
  }
  return typeof value === 'number' ? value : DEFAULT_PAGE_SIZE;
}

const isConnection = (type: GraphQLNamedType): boolean => isObjectType(type) && !!type.getFields()['edges'];

/**
 * The items an unpaged list returns: a time window's days (shifts), the domain's figure from
 * LIST_SIZES, else UNPAGED_LIST_ESTIMATE.
 */
function listSizeOf(
  typeName: string,
  node: FieldNode,
  def: GraphQLField<unknown, unknown>,
  vars: Record<string, unknown>,
): number {
  const coordinate = `${typeName}.${def.name}`;
  if (coordinate === 'Residency.shifts') {
    const arg = (name: string) => {
      const a = node.arguments?.find((x) => x.name.value === name);
      const d = def.args.find((x) => x.name === name);
      const v = a && d ? valueFromAST(a.value, d.type, vars) : undefined;
      return v instanceof Date ? v.getTime() : NaN;
    };
    const days = Math.ceil((arg('to') - arg('from')) / DAY_MS);
    // The resolver refuses a window that is not 1 to 62 days; measure the widest it serves.
    return (Number.isFinite(days) ? Math.min(Math.max(days, 1), 62) : 62) * SHIFTS_PER_DAY;
  }
  return LIST_SIZES[coordinate] ?? UNPAGED_LIST_ESTIMATE;
}

/**
 * Static measure of an operation after validation (so fragment cycles are already refused):
 * nesting depth, aliases, and a cost where each field costs 1 and a paginated field
 * multiplies the cost of what it selects by the page size its resolver will use (`first`
 * from a literal, a variable or the variable's default, else the default page size); an
 * unpaged list multiplies by the size the domain gives it (`listSizeOf`).
 * Introspection is not measured: it is off in production and its fixed shape is deep by design.
 *
 * Each fragment is measured once and its figures reused at every spread, so the walk is linear
 * in the document's size (a fragment spreading the previous one twice, k levels deep, would
 * otherwise cost 2^k steps). Given limits, the walk stops as soon as one is passed; the figure
 * reported is then the count reached, already beyond the limit.
 */
export function measureOperation(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits = NO_LIMITS,
): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const vars = operationVariables(schema, op, variables) ?? variables;
  const measured = new Map<string, Tally | 'walking'>();
  let steps = 0;

  const typeNamed = (name: string | undefined): GraphQLNamedType | undefined =>
    name ? schema.getType(name) : undefined;

  /**
   * `depth` is the level of this set's fields in the operation, for stopping early only. `held`
   * is the page size of a field that takes `first` for the connection it holds (`warningBoard`
   * pages its `entries`): that connection, not the holder, is what the page multiplies.
   */
  const walk = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    depth: number,
    held: number | null = null,
  ): Tally => {
    const t: Tally = { cost: 0, height: 0, aliases: 0, maxFirst: 0 };
    const add = (sub: Tally) => {
      t.cost += sub.cost;
      t.height = Math.max(t.height, sub.height);
      t.aliases += sub.aliases;
      t.maxFirst = Math.max(t.maxFirst, sub.maxFirst);
      // Page sizes multiply by at least 1, so a part's figures are lower bounds of the whole's.
      if (t.maxFirst > MAX_PAGE_SIZE) throw new LimitPassed({ maxFirst: t.maxFirst });
      if (depth - 1 + t.height > limits.maxDepth) throw new LimitPassed({ depth: depth - 1 + t.height });
      if (t.aliases > limits.maxAliases) throw new LimitPassed({ aliases: t.aliases });
      if (t.cost > limits.maxCost) throw new LimitPassed({ cost: t.cost });
    };
    for (const sel of set.selections) {
      steps++;
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        const def =
          parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[sel.name.value] : undefined;
        const field: Tally = { cost: 1, height: 1, aliases: sel.alias ? 1 : 0, maxFirst: 0 };
        if (sel.selectionSet) {
          const page = pageSizeOf(sel, def, vars);
          const type = def ? getNamedType(def.type) : undefined;
          const holder = page !== null && !!type && isObjectType(type) && !isConnection(type);
          let size = 1;
          if (page !== null) {
            size = holder ? 1 : page;
            field.maxFirst = page;
            if (page > MAX_PAGE_SIZE) throw new LimitPassed({ maxFirst: page });
          } else if (held !== null && type && isConnection(type)) {
            size = held;
          } else if (def && isListType(getNullableType(def.type)) && sel.name.value !== 'edges') {
            // A connection's edges are already counted by its page size.
            size = listSizeOf(parent!.name, sel, def, vars);
          }
          const below = walk(sel.selectionSet, type, depth + 1, holder ? page : null);
          field.cost += Math.max(size, 1) * below.cost;
          field.height += below.height;
          field.aliases += below.aliases;
          field.maxFirst = Math.max(field.maxFirst, below.maxFirst);
        }
        add(field);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        add(walk(sel.selectionSet, typeNamed(sel.typeCondition?.name.value) ?? parent, depth, held));
      } else {
        add(fragment(sel.name.value, depth, held));
      }
    }
    return t;
  };

  const fragment = (name: string, depth: number, held: number | null): Tally => {
    // A holder's page changes what a fragment inside it costs: measured once per page it sits under.
    const key = held === null ? name : `${name}@${held}`;
    const known = measured.get(key);
    // 'walking' is a cycle, which validation refuses before this runs; count it as nothing.
    if (known) return known === 'walking' ? NONE : known;
    const frag = fragments.get(name);
    if (!frag) return NONE;
    measured.set(key, 'walking');
    const t = walk(frag.selectionSet, typeNamed(frag.typeCondition.name.value), depth, held);
    measured.set(key, t);
    return t;
  };

  try {
    const t = walk(op.selectionSet, rootType(schema, op), 1);
    return { depth: t.height, aliases: t.aliases, cost: t.cost, maxFirst: t.maxFirst, steps };
  } catch (e) {
    if (!(e instanceof LimitPassed)) throw e;
    return { depth: 0, aliases: 0, cost: 0, maxFirst: 0, ...e.measure, steps };
  }
}

/** Why an operation is refused, or null; shared by HTTP (the plugin below) and WebSocket subscriptions. */
export function limitError(m: QueryMeasure, limits: QueryLimits): GraphQLError | null {
  if (m.depth > limits.maxDepth)
    return queryTooComplex({ id: 'error.queryDepth', values: { depth: m.depth, max: limits.maxDepth } });
  if (m.aliases > limits.maxAliases)
    return queryTooComplex({ id: 'error.queryAliases', values: { count: m.aliases, max: limits.maxAliases } });
  if (m.maxFirst > MAX_PAGE_SIZE) return badUserInput({ id: 'error.pageSize', values: { max: MAX_PAGE_SIZE } });
  if (m.cost > limits.maxCost)
    return queryTooComplex({ id: 'error.queryCost', values: { cost: m.cost, max: limits.maxCost } });
  return null;
}

/**
 * Everything that refuses an operation after validation and before any resolver runs: its
 * size (depth, aliases, page size, cost) and its input values (core/graphql/input-guard.ts).
 * Shared by HTTP (the plugin below) and WebSocket subscriptions.
 */
export function refuseOperation(
  schema: GraphQLSchema,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): GraphQLError | null {
  return (
    limitError(measureOperation(schema, doc, op, variables, limits), limits) ??
    checkOperationInputs(schema, doc, op, variables)
  );
}

/** Refuses abusive operations after validation and before any resolver (and so any SQL) runs. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const refused = refuseOperation(schema, document, operation, request.variables ?? {}, limits);
          if (refused) throw refused;
        },
      };
    },
  };
}
