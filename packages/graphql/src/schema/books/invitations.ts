import { encodeGlobalID } from '@pothos/plugin-relay';
import { pendingInvitations } from '@spendline/books';
import { builder } from '../builder.ts';

interface Invitation {
  bookId: string;
  bookName: string;
  membershipId: string;
}

// Not a Book: an invitee is no member yet, so they see its name and nothing in it.
const BookInvitationRef = builder.objectRef<Invitation>('BookInvitation').implement({
  description: 'An invitation of your WhatsApp number to a shared book you have not joined.',
  fields: (t) => ({
    id: t.id({ resolve: (i) => encodeGlobalID('Membership', i.membershipId) }),
    bookId: t.id({
      description: 'What acceptBookInvite(bookId:) takes.',
      resolve: (i) => encodeGlobalID('Book', i.bookId),
    }),
    bookName: t.exposeString('bookName'),
  }),
});

builder.queryField('bookInvitations', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: [BookInvitationRef],
    description: 'Books that invited a WhatsApp number linked to your account, oldest first.',
    resolve: (_root, _args, context) => pendingInvitations(context.sql, context.viewer.user.id),
  }),
);
