import 'reflect-metadata';
import {
  buildSchema,
  getOperationAST,
  getVariableValues,
  GraphQLScalarType,
  parse,
  specifiedRules,
  validate,
  NoSchemaIntrospectionCustomRule,
  type GraphQLSchema,
} from 'graphql';
import { getSchema } from '../schema';
import { graphqlJsMessage, templateIds } from '../graphql-js-messages';
import { render } from '../../i18n/translate';
import type { MessageRef } from '../../../shared/message-ref';

/** Chinese with no Latin word left, once the schema's own names (quoted “…”) and values are taken out. */
function expectChinese(text: string): void {
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  const rest = text.replace(/“[^”]*”/g, '').replace(/"[^"]*"/g, '');
  expect(rest).not.toMatch(/[A-Za-z]{2,}/);
}

describe('graphql-js messages in Chinese', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await getSchema();
  });

  const validationMessages = (query: string, s: GraphQLSchema = schema) =>
    validate(s, parse(query), [...specifiedRules, NoSchemaIntrospectionCustomRule]).map((e) => e.message);
  const variableMessage = (query: string, variables: Record<string, unknown>, s: GraphQLSchema = schema) => {
    const op = getOperationAST(parse(query))!;
    const r = getVariableValues(s, op.variableDefinitions ?? [], variables, { maxErrors: 1 });
    return r.errors?.[0]?.message ?? '';
  };

  // Each case makes graphql-js (or a scalar) write its real message; the id is the template's.
  const cases: [string, () => string[] | string, string][] = [
    ['a field the type lacks', () => validationMessages('{ tenant { nam } }'), 'graphql.noSuchField'],
    [
      'an unknown argument',
      () => validationMessages('{ cases(first: 1, bogus: 1) { totalCount } }'),
      'graphql.noSuchArgument',
    ],
    ['a missing argument', () => validationMessages('{ case { id } }'), 'graphql.missingArgument'],
    ['an object without a selection', () => validationMessages('{ me }'), 'graphql.needsSelection'],
    ['a selection on a scalar', () => validationMessages('{ me { subject { x } } }'), 'graphql.noSelection'],
    ['an unknown type', () => validationMessages('query($x: Nope) { me { subject } }')[0]!, 'graphql.unknownType'],
    ['an unused variable', () => validationMessages('query($x: ID) { me { subject } }'), 'graphql.unusedVariable'],
    ['an undefined variable', () => validationMessages('{ case(id: $x) { id } }'), 'graphql.undefinedVariable'],
    [
      'a variable in the wrong place',
      () => validationMessages('query($x: String) { case(id: $x) { id } }'),
      'graphql.variablePosition',
    ],
    [
      'a missing input field',
      () => validationMessages('mutation { reportCase(input: {}) { userErrors { code } } }')[0]!,
      'graphql.missingInputField',
    ],
    [
      'an unknown input field',
      () =>
        validationMessages(
          'mutation { reportCase(input: { title: "a", channel: WALK_IN, bogus: 1 }) { userErrors { code } } }',
        ),
      'graphql.unknownInputField',
    ],
    ['null for a required argument', () => validationMessages('{ case(id: null) { id } }'), 'graphql.wrongValue'],
    [
      'an unknown enum value',
      () => validationMessages('{ cases(first: 1, filter: { statuses: [NOPE] }) { totalCount } }'),
      'graphql.unknownEnumValue',
    ],
    [
      'a string for an enum',
      () => validationMessages('{ cases(first: 1, filter: { statuses: ["REPORTED"] }) { totalCount } }'),
      'graphql.notEnumValue',
    ],
    ['a string for an Int', () => validationMessages('{ cases(first: "a") { totalCount } }'), 'graphql.notInt'],
    [
      'an Int out of range',
      () => validationMessages('{ cases(first: 99999999999) { totalCount } }'),
      'graphql.intRange',
    ],
    [
      'a number for a String',
      () => validationMessages('{ cases(first: 1, filter: { text: 5 }) { totalCount } }'),
      'graphql.notString',
    ],
    [
      'a string for a Boolean',
      () => validationMessages('{ cases(first: 1, filter: { openOnly: "x" }) { totalCount } }'),
      'graphql.notBoolean',
    ],
    ['a boolean for an ID', () => validationMessages('{ case(id: true) { id } }'), 'graphql.notId'],
    [
      'a bad time',
      () => validationMessages('{ cases(first: 1, filter: { reportedFrom: "yesterday" }) { totalCount } }'),
      'graphql.notDateTime',
    ],
    [
      'a bad amount',
      () =>
        validationMessages(
          'mutation { recordMediationOutcome(input: { sessionId: "x", outcome: AGREED, agreement: { terms: "a", amount: "abc" } }) { userErrors { code } } }',
        ),
      'graphql.notDecimal',
    ],
    [
      'two fields under one alias',
      () => validationMessages('{ a: me { subject } a: tenant { id } }'),
      'graphql.aliasConflict',
    ],
    [
      'two operations of one name',
      () => validationMessages('query A { me { subject } } query A { me { subject } }'),
      'graphql.duplicateOperation',
    ],
    [
      'an anonymous operation beside another',
      () => validationMessages('{ me { subject } } { me { subject } }')[0]!,
      'graphql.loneAnonymous',
    ],
    ['an unknown fragment', () => validationMessages('{ ...F }'), 'graphql.unknownFragment'],
    [
      'an unused fragment',
      () => validationMessages('fragment F on Query { me { subject } } { me { subject } }'),
      'graphql.unusedFragment',
    ],
    ['an unknown directive', () => validationMessages('{ me @nope { subject } }'), 'graphql.unknownDirective'],
    [
      'introspection where it is off',
      () => validationMessages('{ __schema { types { name } } }'),
      'graphql.introspection',
    ],
    [
      'a missing variable',
      () => variableMessage('query($i: ID!) { case(id: $i) { id } }', {}),
      'graphql.variableMissing',
    ],
    [
      'a null variable',
      () => variableMessage('query($i: ID!) { case(id: $i) { id } }', { i: null }),
      'graphql.variableNull',
    ],
    [
      'a bad value deep in a variable',
      () =>
        variableMessage('query($f: CaseFilter) { cases(filter: $f) { totalCount } }', { f: { statuses: ['NOPE'] } }),
      'graphql.variableInvalidAt',
    ],
    [
      'a variable that is no object',
      () => variableMessage('query($f: CaseFilter) { cases(filter: $f) { totalCount } }', { f: 5 }),
      'graphql.variableInvalid',
    ],
    [
      'a float for an Int variable',
      () => variableMessage('query($f: Int) { cases(first: $f) { totalCount } }', { f: 1.5 }),
      'graphql.variableInvalid',
    ],
    [
      'a bad amount variable',
      () => variableMessage('query($a: Decimal) { me { subject } }', { a: 'abc' }),
      'graphql.variableInvalid',
    ],
    [
      'a null in a list of non-null',
      () => variableMessage('query($f: CaseFilter) { cases(filter: $f) { totalCount } }', { f: { statuses: [null] } }),
      'graphql.variableInvalidAt',
    ],
  ];

  it.each(cases)('words %s in Chinese', (_name, make, id) => {
    const made = make();
    const message = Array.isArray(made) ? made[0]! : made;
    const ref = graphqlJsMessage(message);
    expect([message, ref?.id]).toEqual([message, id]);
    const zh = render('zh-CN', ref!);
    expectChinese(zh);
  });

  it('reads the reason inside a refused variable too', () => {
    const message = variableMessage('query($f: Int) { cases(first: $f) { totalCount } }', { f: 1.5 });
    expect(render('zh-CN', graphqlJsMessage(message)!)).toBe('变量“$f”的值无效：值“1.5”不是整数。');
    const deep = variableMessage('query($f: CaseFilter) { cases(filter: $f) { totalCount } }', {
      f: { statuses: [null] },
    });
    expect(render('zh-CN', graphqlJsMessage(deep)!)).toBe(
      '变量“$f”在“f.statuses[0]”处的值无效：“CaseStatus!”类型的值不能为空。',
    );
  });

  it('knows the messages no rule of this schema writes, from a scalar that throws a plain Error', () => {
    const Odd = new GraphQLScalarType({
      name: 'Odd',
      parseLiteral: () => {
        throw new Error('odd numbers only');
      },
      parseValue: () => undefined,
    });
    const s = buildSchema('scalar Odd type Query { f(o: Odd): Int }');
    Object.assign(s.getType('Odd')!, { parseLiteral: Odd.parseLiteral, parseValue: Odd.parseValue });
    const because = validationMessages('{ f(o: 2) }', s)[0]!;
    expect(graphqlJsMessage(because)).toEqual({
      id: 'graphql.wrongValueBecause',
      values: { type: 'Odd', value: '2', reason: { nested: { id: 'graphql.invalid' } } },
    });
    const expected = variableMessage('query($o: Odd) { f(o: $o) }', { o: 2 }, s);
    expect(graphqlJsMessage(expected)?.id).toBe('graphql.variableInvalid');
    expect(graphqlJsMessage('Expected type "Odd".')?.id).toBe('graphql.expectedType');
    expect(graphqlJsMessage('Expected type "Odd". Not this one')?.id).toBe('graphql.expectedTypeBecause');
    expect(graphqlJsMessage('Syntax Error: Expected Name, found <EOF>.')).toEqual({ id: 'graphql.syntax' });
    // Apollo's choice of operation (graphql-js's getOperationAST words) and a Float no literal here reaches.
    expect(graphqlJsMessage('Unknown operation named "Board".')?.id).toBe('graphql.unknownOperation');
    expect(graphqlJsMessage('Must provide operation name if query contains multiple operations.')?.id).toBe(
      'graphql.operationName',
    );
    expect(graphqlJsMessage('Float cannot represent non numeric value: "x"')?.id).toBe('graphql.notFloat');
  });

  it('has a case above for every template but the ones no rule of this schema writes', () => {
    // The ids the cases reach, the reasons nested inside refused variables included.
    const reached = (ref: MessageRef | null): string[] =>
      ref
        ? [
            ref.id,
            ...Object.values(ref.values ?? {}).flatMap((v) =>
              typeof v === 'object' && 'nested' in v ? reached(v.nested) : [],
            ),
          ]
        : [];
    const covered = new Set([
      ...cases.flatMap(([, make]) => {
        const made = make();
        return reached(graphqlJsMessage(Array.isArray(made) ? made[0]! : made));
      }),
      'graphql.wrongValueBecause',
      'graphql.expectedType',
      'graphql.expectedTypeBecause',
      // Apollo's operation choice and graphql-scalars' non-string date: not reachable through validate().
      'graphql.unknownOperation',
      'graphql.operationName',
      'graphql.notFloat',
    ]);
    expect(templateIds().filter((id) => !covered.has(id))).toEqual([]);
  });
});
