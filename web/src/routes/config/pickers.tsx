import { TreeSelect, type TreeSelectProps } from 'antd';
import { useQuery } from '@apollo/client/react';
import { CATEGORIES, DEPARTMENTS, ORG_UNITS } from './config-documents';

/** Rows with parents as a tree for antd's Tree and TreeSelect; a row whose parent is not among them is a root. */
type Node = { key: string; value: string; title: React.ReactNode; label: string; children: Node[] };

export function buildTree<T extends { id: string; name: string; parent?: { id: string } | null }>(
  rows: readonly T[],
  title: (u: T) => React.ReactNode,
): Node[] {
  const nodes = new Map(
    rows.map((r) => [r.id, { key: r.id, value: r.id, label: r.name, title: title(r), children: [] as Node[] }]),
  );
  const roots: Node[] = [];
  for (const r of rows)
    (r.parent && nodes.get(r.parent.id) ? nodes.get(r.parent.id)!.children : roots).push(nodes.get(r.id)!);
  return roots;
}

/** The units still in use, as a tree to pick from. */
export function useUnitTree() {
  const { data } = useQuery(ORG_UNITS);
  return buildTree(data?.orgUnits.edges.map((e) => e.node).filter((u) => !u.archived) ?? [], (u) => u.name);
}

/** The categories still in use, as a tree to pick from. */
export function useCategoryTree() {
  const { data } = useQuery(CATEGORIES);
  return buildTree(data?.categories.edges.map((e) => e.node).filter((c) => !c.archived) ?? [], (c) => c.name);
}

/** The department catalogue as select options. */
export function useDepartmentOptions() {
  const { data } = useQuery(DEPARTMENTS);
  return data?.departments.edges.map((e) => ({ value: e.node.id, label: e.node.name })) ?? [];
}

/** A searchable tree picker (units, categories), cleared to mean "any" where `placeholder` says so. */
export function TreePick(props: TreeSelectProps) {
  return <TreeSelect treeDefaultExpandAll allowClear showSearch treeNodeFilterProp="label" {...props} />;
}
