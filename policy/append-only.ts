import type { SubgraphName } from './agencies.ts';

/**
 * Tables whose rows are never changed or removed once written, so a privacy officer can always
 * reconstruct what was consented, what a plan said, who signed it and who saw what. The database
 * itself refuses UPDATE and DELETE on them (a trigger per table, written in the migrations);
 * a change is a new row: a new consent version, a withdrawal, a new plan version.
 */
export const APPEND_ONLY_TABLES: Partial<Record<SubgraphName, readonly string[]>> = {
  sip: [
    'Consent',
    'ConsentWithdrawal',
    'ConsentDecisionAudit',
    'AuditChainLink',
    'AuditReview',
    'EmergencyAccess',
    'Block',
    'BlockLift',
    'BlockedRecord',
    'ConsentRelease',
    'AuditGroup',
    'ReleaseGroup',
    'PlanVersion',
    'PlanNeed',
    'PlanGoal',
    'PlanIntervention',
    'PlanSignature',
    'SipFeedback',
    'Summons',
    'InterventionFollowUp',
    'MeetingNote',
    'PersonnummerLookup',
    'ChildIdentityRead',
    'SphereChoice',
    'MaturityAssessment',
    'SipRequest',
    'SipRequestAnswer',
    'ChildView',
    'SipInvitationAnswer',
    'ReviewFinding',
  ],
  school: [],
  social: [],
};
