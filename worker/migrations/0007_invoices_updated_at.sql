-- invoices gets its own updated_at (the schema used to map updatedAt onto created_at, so every edit
-- rewrote the creation time). SQLite cannot ADD a column whose default is an expression, so the table
-- is rebuilt (https://www.sqlite.org/lang_altertable.html, "other kinds of table schema changes");
-- D1 runs a migration in one transaction, where only deferring foreign keys is possible
-- (https://developers.cloudflare.com/d1/sql-api/foreign-keys/). Existing rows start with
-- updated_at = created_at: the true last-edit time is lost, the creation time is what is left.
PRAGMA defer_foreign_keys = on;--> statement-breakpoint
CREATE TABLE `__new_invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`number` integer NOT NULL,
	`billing_period_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`line6_frozen_cents` integer,
	`include_backup` integer DEFAULT false NOT NULL,
	`architect_certified_cents` integer,
	`architect_certified_at` text,
	`architect_certified_by` text,
	`architect_certified_message_id` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`billing_period_id`) REFERENCES `billing_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`architect_certified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_invoices` (`id`, `project_id`, `contract_id`, `number`, `billing_period_id`, `status`, `version`, `line6_frozen_cents`, `include_backup`, `architect_certified_cents`, `architect_certified_at`, `architect_certified_by`, `architect_certified_message_id`, `created_by`, `created_at`, `updated_at`)
SELECT `id`, `project_id`, `contract_id`, `number`, `billing_period_id`, `status`, `version`, `line6_frozen_cents`, `include_backup`, `architect_certified_cents`, `architect_certified_at`, `architect_certified_by`, `architect_certified_message_id`, `created_by`, `created_at`, `created_at` FROM `invoices`;--> statement-breakpoint
DROP TABLE `invoices`;--> statement-breakpoint
ALTER TABLE `__new_invoices` RENAME TO `invoices`;--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_uq` ON `invoices` (`contract_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_period_uq` ON `invoices` (`contract_id`,`billing_period_id`);--> statement-breakpoint
PRAGMA defer_foreign_keys = off;
