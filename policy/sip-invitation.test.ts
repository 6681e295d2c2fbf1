import { describe, expect, it } from 'vitest';
import { counsellor, doctor, mother, officer } from './requesters.fixtures.ts';
import { invitationAnswerRefusal, invitationReachesUnit } from './sip-invitation.ts';

describe('an invitation to a SIP', () => {
  it('reaches the invited unit only once the family agreed, and while the SIP is open', () => {
    expect(invitationReachesUnit({ familyAnswer: 'AGREED', closedAt: null })).toBe(true);
    expect(invitationReachesUnit({ familyAnswer: null, closedAt: null })).toBe(false);
    expect(invitationReachesUnit({ familyAnswer: 'DECLINED', closedAt: new Date() })).toBe(false);
    expect(invitationReachesUnit({ familyAnswer: 'AGREED', closedAt: new Date() })).toBe(false);
  });

  it('is answered by staff of the invited unit only', () => {
    const invitation = { agency: counsellor.agency!, unit: counsellor.unit! };
    expect(invitationAnswerRefusal(counsellor, invitation)).toBeNull();
    expect(invitationAnswerRefusal(counsellor, { ...invitation, unit: 'Another school' })).toMatch(/invited unit/);
    for (const requester of [doctor, mother, officer])
      expect(invitationAnswerRefusal(requester, invitation)).toMatch(/only staff of the invited unit/);
  });
});
