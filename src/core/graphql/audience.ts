import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { forbidden, unauthenticated } from '../errors/errors';
import type { RequestContext } from './context';
import { listArg } from '../../shared/message-ref';

export interface Audiences {
  /** root fields a caller without any token may use */
  anonymous: ReadonlySet<string>;
  /** root fields of residents (anonymous ones included): refused to staff, the only ones residents get */
  resident: ReadonlySet<string>;
}

/** The operation's root field names, through fragments and inline fragments on the root type. */
function rootFields(doc: DocumentNode, set: SelectionSetNode, seen = new Set<string>()): string[] {
  const out: string[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.push(sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) out.push(...rootFields(doc, sel.selectionSet, seen));
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const frag = doc.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === sel.name.value);
      if (frag && frag.kind === Kind.FRAGMENT_DEFINITION) out.push(...rootFields(doc, frag.selectionSet, seen));
    }
  }
  return out;
}

/** Why this caller may not run this operation, or null. */
export function audienceError(
  ctx: Pick<RequestContext, 'viewer'>,
  doc: DocumentNode,
  op: OperationDefinitionNode,
  a: Audiences,
) {
  const fields = rootFields(doc, op.selectionSet).filter((f) => f !== '__typename');
  const resident = ctx.viewer.resident;
  if (resident && !resident.phone) {
    // No token at all: what used to be refused at the door still is, unless it is the resident door.
    if (!fields.length || fields.some((f) => !a.anonymous.has(f))) return unauthenticated({ id: 'error.noToken' });
    return null;
  }
  if (resident) {
    const staffOnly = fields.filter((f) => !a.resident.has(f));
    return staffOnly.length
      ? forbidden({ id: 'error.residentNoStaffFields', values: { fields: listArg(staffOnly) } })
      : null;
  }
  const residentOnly = fields.filter((f) => a.resident.has(f));
  return residentOnly.length
    ? forbidden({ id: 'error.staffNoResidentFields', values: { fields: listArg(residentOnly) } })
    : null;
}

/**
 * One gate for the whole schema, before any resolver runs: residents get the resident area and
 * nothing else, staff get everything but it, and a caller without a token only the anonymous
 * resident fields — so no staff resolver has to remember that residents exist.
 */
export function audiencePlugin(a: Audiences): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (!operation) return;
          const refused = audienceError(contextValue, document, operation, a);
          if (refused) throw refused;
        },
      };
    },
  };
}
