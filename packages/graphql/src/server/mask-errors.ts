import type { Logger } from '@spendline/log';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../schema/context.ts';
import { isIntendedError } from './graphql-errors.ts';
import { inputError } from './input-errors.ts';

/**
 * An error a resolver did not mean to show (a database failure, a bug) becomes
 * "Unexpected error" plus the request id; the details go to the log under that id.
 * Errors meant for clients (GraphQLError: auth, bad input) pass with the id added.
 */
export function maskError(error: GraphQLError, requestId: string, logger: Logger): GraphQLError {
  const refused = inputError(error);
  if (refused) return maskError(refused, requestId, logger);
  const original = error.originalError;
  if (!isIntendedError(error)) {
    logger.error(
      { err: original, requestId, path: error.path?.join('.') },
      'unexpected error in a resolver',
    );
    return new GraphQLError(`Unexpected error. Request id: ${requestId}.`, {
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
  }
  return new GraphQLError(error.message, {
    path: error.path,
    nodes: error.nodes,
    extensions: { ...error.extensions, requestId },
  });
}

function maskResult(result: ExecutionResult, context: GraphQLContext): ExecutionResult {
  if (!result.errors?.length) return result;
  return {
    ...result,
    errors: result.errors.map((error) => maskError(error, context.requestId, context.logger)),
  };
}

export function useRequestIdErrors(): Plugin<GraphQLContext> {
  const onDone =
    (context: GraphQLContext) =>
    (payload: Parameters<Parameters<typeof handleStreamOrSingleExecutionResult>[1]>[0]) => {
      payload.setResult(maskResult(payload.result, context));
    };
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: (payload) =>
        handleStreamOrSingleExecutionResult(payload, onDone(args.contextValue)),
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: (payload) =>
        handleStreamOrSingleExecutionResult(payload, onDone(args.contextValue)),
    }),
  };
}
