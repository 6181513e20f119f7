// Asks the api to send a WhatsApp code to a number: the link page sends the first, the
// verify page sends it again.
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';

export const RequestOtpMutation = graphql(
  `
    mutation RequestWhatsAppOtp($phoneNumber: String!, $password: String) {
      requestWhatsAppOtp(phoneNumber: $phoneNumber, password: $password) {
        __typename
        ...TypedErrorFields
        ... on WhatsAppOtpSent {
          phoneNumber
          expiresAt
        }
      }
    }
  `,
  [TypedErrorFields],
);
