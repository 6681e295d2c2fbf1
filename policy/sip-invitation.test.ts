import { describe, expect, it } from 'vitest';
import { counsellor, doctor, mother, officer } from './requesters.fixtures.ts';
import { invitationAnswerRefusal, invitationReachesUnit, laterInvitationRefusal } from './sip-invitation.ts';

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

  it('goes later only to another unit of an agency the family already agreed to meet', () => {
    expect(laterInvitationRefusal('HEALTH_CARE', ['SOCIAL_SERVICES', 'HEALTH_CARE'])).toBeNull();
    expect(laterInvitationRefusal('SCHOOL', ['SOCIAL_SERVICES', 'HEALTH_CARE'])).toMatch(/needs their word first/);
  });
});
