import { describe, expect, it } from 'vitest';
import { nameFormerMembers } from './former-members.ts';

describe('nameFormerMembers', () => {
  it('names former members wherever they appear, leaving everyone else as they are', () => {
    const gone = { id: 'u1', name: '', isMe: false, former: true };
    const ravi = { id: 'u2', name: 'Ravi', isMe: true, former: false };
    const book = {
      name: 'Home',
      entries: { edges: [{ node: { note: 'rent', paidBy: gone } }, { node: { paidBy: ravi } }] },
      settleUpPlan: [],
      settlements: [{ from: ravi, to: gone, amount: { amountMinor: '150000' } }],
    };
    const named = nameFormerMembers(book, 'Former member');
    expect(named.entries.edges.map((e) => e.node.paidBy.name)).toEqual(['Former member', 'Ravi']);
    expect(named.settlements[0]!.to).toEqual({ ...gone, name: 'Former member' });
    expect(named.settlements[0]!.from).toEqual(ravi);
    expect(named.name).toBe('Home');
    // The api's answer itself is left alone.
    expect(gone.name).toBe('');
  });
});
