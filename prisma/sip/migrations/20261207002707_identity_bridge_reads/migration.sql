-- CreateTable
CREATE TABLE "ChildIdentityRead" (
    "id" UUID NOT NULL,
    "subgraph" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "childIds" UUID[],
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChildIdentityRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChildIdentityRead_at_idx" ON "ChildIdentityRead"("at");

CREATE TRIGGER "ChildIdentityRead_append_only" BEFORE UPDATE OR DELETE ON "ChildIdentityRead"
  FOR EACH ROW EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ChildIdentityRead_no_truncate" BEFORE TRUNCATE ON "ChildIdentityRead"
  FOR EACH STATEMENT EXECUTE FUNCTION "reject_change_to_append_only_table"();
CREATE TRIGGER "ChildIdentityRead_chain" AFTER INSERT ON "ChildIdentityRead" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "chain_rows"('id');
