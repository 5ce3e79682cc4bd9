import { useQuery } from '@apollo/client/react';
import { CategoryTreeDocument, UnitTreeDocument } from '../gql/graphql';

const CATEGORIES = CategoryTreeDocument;

const UNITS = UnitTreeDocument;

export interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

function tree(rows: { id: string; name: string; parent?: { id: string } | null }[]): TreeNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { value: r.id, title: r.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const r of rows) {
    const n = nodes.get(r.id)!;
    const parent = r.parent ? nodes.get(r.parent.id) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

/** The tenant's category tree, for pickers (one query, cached for the session). */
export function useCategoryTree() {
  const { data } = useQuery(CATEGORIES, { fetchPolicy: 'cache-first' });
  const rows = data?.categories.edges.map((e) => e.node) ?? [];
  return { tree: tree(rows), byId: new Map(rows.map((r) => [r.id, r])) };
}

export function useUnitTree() {
  const { data } = useQuery(UNITS, { fetchPolicy: 'cache-first' });
  const rows = data?.orgUnits.edges.map((e) => e.node) ?? [];
  return { tree: tree(rows), byId: new Map(rows.map((r) => [r.id, r])) };
}
