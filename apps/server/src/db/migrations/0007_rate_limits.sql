CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Hand-written: the counters need no crash safety or replication, so the table skips the write-ahead log.
ALTER TABLE "rate_limits" SET UNLOGGED;
