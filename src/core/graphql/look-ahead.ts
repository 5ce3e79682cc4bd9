import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields of these selection sets, fragments and inline fragments spread in. */
function fieldsOf(info: GraphQLResolveInfo, sets: (SelectionSetNode | undefined)[]): FieldNode[] {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) fields.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        collect(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const set of sets) collect(set);
  return fields;
}

/**
 * The names of the fields the operation selects at `path` below the field being resolved (e.g.
 * the case fields under `cases { edges { node { … } } }`), through fragments and inline fragments;
 * null when the path itself is not selected. The look-ahead a resolver plans its statement by, as a
 * query compiler plans from the whole query. A field under `@skip`/`@include` counts as selected:
 * a wrong "yes" costs a column or a join, never a wrong answer.
 */
export function selectedFields(info: GraphQLResolveInfo, path: string[]): Set<string> | null {
  let sets: (SelectionSetNode | undefined)[] = info.fieldNodes.map((f) => f.selectionSet);
  for (const name of path) {
    const next = fieldsOf(info, sets).filter((f) => f.name.value === name);
    if (!next.length) return null;
    sets = next.map((f) => f.selectionSet);
  }
  return new Set(fieldsOf(info, sets).map((f) => f.name.value));
}

/** Whether the operation selects `path` (e.g. `edges.node.category` under `cases`): see {@link selectedFields}. */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  return !!selectedFields(info, path.slice(0, -1))?.has(path[path.length - 1]!);
}
