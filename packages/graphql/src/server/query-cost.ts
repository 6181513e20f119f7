// What a query may ask of the api before it runs: a cost estimated from the rows it can
// read, and introspection only for those who need it. GraphQL Armor's cost rule stood
// here before: it exempted introspection outright (a 1.8 KB anonymous query of aliased
// __schema fields answered 545 KB), ignored page sizes given as variables, and compounded
// a factor per level, so an ordinary `expenses(first: 100)` page was refused.
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../schema/context.ts';

/** Items a list without a page size is taken to hold (categories, tokens, sessions, days). */
export const ASSUMED_LIST_SIZE = 20;
/** A connection asked for without first/last gets at most this many (expenses' default). */
export const ASSUMED_PAGE_SIZE = 50;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
  /** Introspection root fields met, wherever fragments put them. */
  introspection: number;
}

/**
 * Each object a query can return costs 1; what is selected under a list or connection
 * counts once per item it may hold: `first`/`last` (literal or variable), the ids given
 * to `nodes`, else the assumed sizes above. Scalars cost nothing (the token limit bounds
 * them). So `expenses(first: 100) { edges { node { amount { formatted } category { name } } } }`
 * costs 1 + 100 × 4 = 401. Introspection is not counted here (see checkIntrospection).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> = {},
  operationName?: string | null,
): { cost: number; introspection: number } {
  const operation = pickOperation(document, operationName);
  if (!operation) return { cost: 0, introspection: 0 };
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, introspection: 0 };
  const walk: Walk = {
    schema,
    fragments: new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    ),
    variables,
    introspection: 0,
  };
  const cost = selectionCost(walk, root, operation.selectionSet, true);
  return { cost, introspection: walk.introspection };
}

function pickOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
}

function selectionCost(
  walk: Walk,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  atRoot: boolean,
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition
        ? walk.schema.getType(selection.typeCondition.name.value)
        : parent;
      if (type && isCompositeType(type))
        cost += selectionCost(walk, type, selection.selectionSet, atRoot);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      // Validation already refused fragment cycles and unknown fragments.
      const fragment = walk.fragments.get(selection.name.value);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (fragment && type && isCompositeType(type))
        cost += selectionCost(walk, type, fragment.selectionSet, atRoot);
    } else {
      const name = selection.name.value;
      if (atRoot && INTROSPECTION_ROOTS.has(name)) {
        walk.introspection += 1;
        continue;
      }
      if (!(isObjectType(parent) || isInterfaceType(parent))) continue; // __typename on a union
      const field = parent.getFields()[name];
      if (!field || !selection.selectionSet) continue; // __typename, or a scalar
      const type = getNamedType(field.type);
      if (!isCompositeType(type)) continue;
      const items = itemCount(walk, parent, field, selection);
      cost += 1 + items * selectionCost(walk, type, selection.selectionSet, false);
    }
  }
  return cost;
}

function isConnection(type: GraphQLCompositeType): boolean {
  return type.name.endsWith('Connection');
}

/** How many items the field may return, each costing what is selected under it. */
function itemCount(
  walk: Walk,
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
): number {
  // A connection's edges and nodes hold its page, already counted on the connection.
  if (isConnection(parent)) return 1;
  const named = getNamedType(field.type);
  const list = isListType(getNullableType(field.type));
  if (!list && !(isCompositeType(named) && isConnection(named))) return 1;
  let args: Record<string, unknown> = {};
  try {
    args = getArgumentValues(field, node, walk.variables);
  } catch {
    // Bad variables fail in execution with a proper message; count the assumed size.
  }
  const size = args.first ?? args.last;
  if (typeof size === 'number' && size >= 0) return size;
  if (Array.isArray(args.ids)) return args.ids.length;
  // A list that is small by nature says so (extensions.listSize), e.g. an entry's files.
  const declared = field.extensions.listSize;
  if (list && typeof declared === 'number') return declared;
  return list ? ASSUMED_LIST_SIZE : ASSUMED_PAGE_SIZE;
}

export interface QueryCostLimits {
  maxCost: number;
  /**
   * Whether anonymous callers may introspect. Off in production: the schema is for
   * signed-in users' GraphiQL and scripts with a token, not for strangers' scanners.
   */
  anonymousIntrospection: boolean;
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Why the operation may not run, or null when it may. */
export function checkOperation(args: ExecutionArgs, limits: QueryCostLimits): GraphQLError | null {
  const { cost, introspection } = queryCost(
    args.schema,
    args.document,
    args.variableValues ?? {},
    args.operationName,
  );
  if (introspection > 0) {
    const context = args.contextValue as Partial<GraphQLContext> | undefined;
    if (!limits.anonymousIntrospection && !context?.viewer) {
      return refusal('Sign in to read the schema.', 'INTROSPECTION_REFUSED');
    }
    // One copy of the schema per request: aliases of __schema multiplied the answer.
    if (introspection > 1) {
      return refusal('Ask for the schema once per request.', 'INTROSPECTION_REFUSED');
    }
  }
  if (cost > limits.maxCost) {
    return refusal(
      `This query asks for too much at once (cost ${cost}, at most ${limits.maxCost}). Ask for smaller pages.`,
      'QUERY_TOO_COSTLY',
    );
  }
  return null;
}

/** Refuses costly operations and unwanted introspection before they run. */
export function useQueryCost(limits: QueryCostLimits): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = checkOperation(args, limits);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = checkOperation(args, limits);
      if (refused) setResultAndStopExecution({ errors: [refused] });
    },
  };
}
