import { error } from '@sveltejs/kit';
import { graphql } from '#lib/graphql/graphql.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import type { PageServerLoad } from './$types';

const OperatorQuery = graphql(`
  query OperatorStatus {
    operatorStatus {
      checkedAt
      webhook {
        lastReceivedAt
        signatureFailures
        lastSignatureFailureAt
      }
      inbox {
        waiting
        oldestWaitingSeconds
        failedLastDay
        processedLastHour
        medianMs
        p95Ms
      }
      outbox {
        pending
        oldestPendingSeconds
        retried
        sent
        failed
        days
        failures {
          code
          count
          lastAt
          meaning
          fix
          blocksAllSends
        }
      }
      sandbox
      templates {
        check
        allApproved
        summary
        askedAt
        templates {
          name
          approval
          languages {
            language
            approval
            needed
            metaStatus
            rejectedReason
          }
        }
      }
      scheduler {
        job
        finishedAt
        done
        failed
        error
      }
      activeConversations
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  const { viewer } = await event.parent();
  // The api refuses them too; this says so in words instead of a failed page.
  if (!viewer.isOperator) {
    error(403, (await serverTranslator(event))('operator.notYours'));
  }
  const { operatorStatus } = await apiFor(event).must(OperatorQuery);
  return { status: operatorStatus };
};
