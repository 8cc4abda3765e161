-- Foreign keys are deferred to commit: a bundle may list records before the organisation they belong to,
-- and import checks the whole bundle in one transaction.
ALTER TABLE "offers" ADD CONSTRAINT "offers_organization_fk" FOREIGN KEY ("organization_id")
  REFERENCES "organizations"("id") ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_organization_fk" FOREIGN KEY ("organization_id")
  REFERENCES "organizations"("id") ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;
