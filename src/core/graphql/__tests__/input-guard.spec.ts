import 'reflect-metadata';
import {
  getNamedType,
  getOperationAST,
  isInputObjectType,
  isObjectType,
  parse,
  validate,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getSchema } from '../schema';
import { checkOperationInputs } from '../input-guard';
import { DEFAULT_MAX_LENGTH, MAX_LENGTH, NON_UUID_IDS } from '../input-limits';

const UUID = '0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d';

/** Every String or ID position an operation can fill: `Input.field` and `Type.field(argument)`. */
function stringPositions(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  const isText = (t: GraphQLInputType) => ['String', 'ID'].includes(getNamedType(t).name);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type))
      for (const f of Object.values(type.getFields())) if (isText(f.type)) out.add(`${type.name}.${f.name}`);
    if (isObjectType(type))
      for (const f of Object.values(type.getFields()))
        for (const a of f.args) if (isText(a.type)) out.add(`${type.name}.${f.name}(${a.name})`);
  }
  return out;
}

describe('input guard', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });

  const check = (source: string, variables: Record<string, unknown> = {}) => {
    const doc = parse(source);
    expect(validate(schema, doc)).toEqual([]);
    const e = checkOperationInputs(schema, doc, getOperationAST(doc)!, variables);
    return e ? { code: e.extensions['code'], message: e.message } : null;
  };

  it('names only positions the schema has, so the registry cannot rot', () => {
    const positions = stringPositions(schema);
    for (const key of [...Object.keys(MAX_LENGTH), ...NON_UUID_IDS])
      expect([key, positions.has(key)]).toEqual([key, true]);
  });

  it('refuses a search text longer than its limit, as a literal or a variable', () => {
    const long = 'x'.repeat(MAX_LENGTH['CaseFilter.text']! + 1);
    expect(check(`{ cases(filter: { text: "${long}" }) { totalCount } }`)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'filter.text is longer than 200 characters',
    });
    expect(check('query($f: CaseFilter) { cases(filter: $f) { totalCount } }', { f: { text: long } })?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      check('query($f: CaseFilter) { cases(filter: $f) { totalCount } }', { f: { text: '张三 欠薪' } }),
    ).toBeNull();
  });

  it('checks a variable default and a fragment field like any other value', () => {
    expect(check('query($t: String = "a\\u0000b") { cases(filter: { text: $t }) { totalCount } }')?.message).toMatch(
      /filter\.text contains a control character/,
    );
    expect(
      check('{ ...F } fragment F on Query { orgUnits(filter: { parentId: "nope" }) { totalCount } }')?.message,
    ).toBe('filter.parentId must be an id this API issued (a UUID)');
  });

  it('gives a String without an explicit limit the default one', () => {
    const positions = stringPositions(schema);
    expect(positions.has('Query.cases(after)') && !MAX_LENGTH['Query.cases(after)']).toBe(true);
    expect(
      check('query($a: String) { cases(after: $a) { totalCount } }', { a: 'x'.repeat(DEFAULT_MAX_LENGTH + 1) })
        ?.message,
    ).toBe('after is longer than 2,000 characters');
  });

  it.each([
    [
      'createOrgUnit',
      'mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { __typename } }',
      { i: { kind: 'GRID', name: 'G', parentId: '' } },
      'input.parentId',
    ],
    [
      'createStaffMember',
      'mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { __typename } }',
      { i: { name: 'P', departmentId: '' } },
      'input.departmentId',
    ],
    [
      'mediators',
      'query($f: MediatorFilter) { mediators(filter: $f) { totalCount } }',
      { f: { orgUnitId: 'nope' } },
      'filter.orgUnitId',
    ],
    [
      'assignCase',
      'mutation($i: AssignCaseInput!) { assignCase(input: $i) { __typename } }',
      { i: { caseId: UUID, staffIds: [UUID, 'x'] } },
      'input.staffIds[1]',
    ],
  ])('refuses a non-UUID id in %s', (_name, source, variables, path) => {
    expect(check(source, variables)).toEqual({
      code: 'BAD_USER_INPUT',
      message: `${path} must be an id this API issued (a UUID)`,
    });
  });

  it('refuses NUL and other control characters and lone surrogates, and keeps tab and line breaks in free text', () => {
    const note = (text: string) =>
      check('mutation($i: AddCaseNoteInput!) { addCaseNote(input: $i) { __typename } }', { i: { caseId: UUID, text } });
    expect(note('a\u0000b')?.message).toMatch(/input\.text contains a control character/);
    expect(note('a\u0007b')?.code).toBe('BAD_USER_INPUT');
    expect(note('a\ud800b')?.message).toBe('input.text is not valid Unicode text');
    expect(note('第一行\n第二行\r\n\t缩进 😀')).toBeNull();
  });
});
