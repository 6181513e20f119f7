import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http.ts';
import { metricsAccess } from './access.ts';
import type { ApiMetrics } from './metrics.ts';

/**
 * GET /metrics in Prometheus' text format, for those metricsAccess lets in. Anyone else
 * gets the api's ordinary 404, whatever the method, so nothing tells them it is here.
 */
export function metricsEndpoint(metrics: ApiMetrics, token: string | undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const access = metricsAccess(req, token);
    if (access === 'hidden') {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    if (access === 'unauthorized') {
      res.setHeader('www-authenticate', 'Bearer');
      sendJson(res, 401, { error: 'unauthorized' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: 'method_not_allowed' });
      return;
    }
    const text = await metrics.registry.metrics();
    res.writeHead(200, {
      'content-type': metrics.registry.contentType,
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
    });
    res.end(text);
  };
}
