-- TRUNCATE removes every row without firing the row triggers that refuse UPDATE and DELETE, so a
-- role that may truncate could empty the log and its chain and write them anew. Append-only tables
-- refuse it too. (The subgraphs' own database role is not the tables' owner and may not truncate at
-- all; this holds for the owner as well, short of a superuser disabling triggers.)
CREATE TRIGGER "Consent_no_truncate" BEFORE TRUNCATE ON "Consent"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ConsentWithdrawal_no_truncate" BEFORE TRUNCATE ON "ConsentWithdrawal"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ConsentDecisionAudit_no_truncate" BEFORE TRUNCATE ON "ConsentDecisionAudit"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "AuditChainLink_no_truncate" BEFORE TRUNCATE ON "AuditChainLink"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "AuditReview_no_truncate" BEFORE TRUNCATE ON "AuditReview"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "EmergencyAccess_no_truncate" BEFORE TRUNCATE ON "EmergencyAccess"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "Block_no_truncate" BEFORE TRUNCATE ON "Block"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "BlockLift_no_truncate" BEFORE TRUNCATE ON "BlockLift"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "BlockedRecord_no_truncate" BEFORE TRUNCATE ON "BlockedRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ConsentRelease_no_truncate" BEFORE TRUNCATE ON "ConsentRelease"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "AuditGroup_no_truncate" BEFORE TRUNCATE ON "AuditGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ReleaseGroup_no_truncate" BEFORE TRUNCATE ON "ReleaseGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PlanVersion_no_truncate" BEFORE TRUNCATE ON "PlanVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PlanGoal_no_truncate" BEFORE TRUNCATE ON "PlanGoal"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PlanIntervention_no_truncate" BEFORE TRUNCATE ON "PlanIntervention"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "PlanSignature_no_truncate" BEFORE TRUNCATE ON "PlanSignature"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "SipFeedback_no_truncate" BEFORE TRUNCATE ON "SipFeedback"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "Summons_no_truncate" BEFORE TRUNCATE ON "Summons"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "InterventionFollowUp_no_truncate" BEFORE TRUNCATE ON "InterventionFollowUp"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
