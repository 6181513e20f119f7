// How large a request body may be: small for queries (JSON and the like), larger for a
// multipart upload (a photo or a voice note). yoga has one limit for both; this holds the
// two, on the declared length first and on the bytes as they arrive (chunked bodies).
import { GraphQLError } from 'graphql';
import type { FetchAPI, Plugin } from 'graphql-yoga';

function tooLarge(): Error {
  return new GraphQLError('Request body too large', {
    extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' },
  });
}

function limited(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  if (!request.body) return request;
  let read = 0;
  // The server's own streams or the platform's, whichever the body is (as yoga does).
  const Transform =
    request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  const body = request.body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body,
    // @ts-expect-error Node's fetch needs it for a streamed body; the DOM types lack it.
    duplex: 'half',
  });
}

export function useBodyLimits(limits: {
  json: number;
  multipart: number;
  /**
   * Whether the request's sender may upload: a multipart body gets the larger limit only
   * then, so nobody signed out can make the server take megabytes.
   */
  mayUpload: (request: Request) => Promise<boolean>;
}): Plugin {
  return {
    async onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const multipart = /^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '');
      const limit = multipart && (await limits.mayUpload(request)) ? limits.multipart : limits.json;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!/^\d+$/.test(declared)) {
          throw new GraphQLError('Content-Length header is invalid.', {
            extensions: { http: { status: 400 }, code: 'BAD_REQUEST' },
          });
        }
        if (Number(declared) > limit) throw tooLarge();
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(limited(req, limit, fetchAPI)));
    },
  };
}
