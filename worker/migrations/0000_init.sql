CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`kind` text DEFAULT 'api' NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`expires_at` text,
	`revoked_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_uq` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `billing_periods` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`due_date` text NOT NULL,
	`schedule` text DEFAULT 'manual' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `billing_periods_start_uq` ON `billing_periods` (`project_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project_members` (
	`project_id` text NOT NULL,
	`user_id` text NOT NULL,
	`prime_contracts_level` text DEFAULT 'none' NOT NULL,
	`commitments_level` text DEFAULT 'none' NOT NULL,
	PRIMARY KEY(`project_id`, `user_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_members_user_idx` ON `project_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`name` text NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `change_order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`change_order_id` text NOT NULL,
	`sov_line_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	FOREIGN KEY (`change_order_id`) REFERENCES `change_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sov_line_id`) REFERENCES `sov_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `col_co_idx` ON `change_order_lines` (`change_order_id`);--> statement-breakpoint
CREATE TABLE `change_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`approved_on` text,
	`approved_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_orders_number_uq` ON `change_orders` (`contract_id`,`number`);--> statement-breakpoint
CREATE TABLE `contract_invoice_contacts` (
	`contract_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`contract_id`, `user_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cic_user_idx` ON `contract_invoice_contacts` (`user_id`);--> statement-breakpoint
CREATE TABLE `contract_private_members` (
	`contract_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`contract_id`, `user_id`),
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cpm_user_idx` ON `contract_private_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`counterparty_company_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`accounting_method` text NOT NULL,
	`work_retainage_bps` integer DEFAULT 0 NOT NULL,
	`stored_retainage_bps` integer DEFAULT 0 NOT NULL,
	`reduction_threshold_bps` integer,
	`reduction_work_rate_bps` integer,
	`reduction_mode` text,
	`allow_overbilling` integer DEFAULT false NOT NULL,
	`is_private` integer DEFAULT false NOT NULL,
	`contract_date` text,
	`architect` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterparty_company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_number_uq` ON `contracts` (`project_id`,`kind`,`number`);--> statement-breakpoint
CREATE TABLE `sov_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sov_groups_name_uq` ON `sov_groups` (`contract_id`,`name`);--> statement-breakpoint
CREATE TABLE `sov_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`item_no` text NOT NULL,
	`cost_code` text DEFAULT '' NOT NULL,
	`description` text NOT NULL,
	`group_id` text,
	`position` integer NOT NULL,
	`original_scheduled_value_cents` integer NOT NULL,
	`scheduled_qty` integer,
	`unit_of_measure` text,
	`unit_price` integer,
	`has_subtotal_override` integer DEFAULT false NOT NULL,
	`work_retainage_bps` integer,
	`stored_retainage_bps` integer,
	`change_order_id` text,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `sov_groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sov_lines_item_uq` ON `sov_lines` (`contract_id`,`item_no`);--> statement-breakpoint
CREATE INDEX `sov_lines_contract_idx` ON `sov_lines` (`contract_id`,`position`);--> statement-breakpoint
CREATE TABLE `invoice_change_orders` (
	`invoice_id` text NOT NULL,
	`change_order_id` text NOT NULL,
	`added_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`invoice_id`, `change_order_id`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`change_order_id`) REFERENCES `change_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `invoice_line_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` text NOT NULL,
	`invoice_line_id` text NOT NULL,
	`version` integer NOT NULL,
	`user_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` integer,
	`new_value` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ilh_invoice_idx` ON `invoice_line_history` (`invoice_id`,`id`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`sov_line_id` text NOT NULL,
	`work_completed_this_period_cents` integer DEFAULT 0 NOT NULL,
	`materials_presently_stored_cents` integer DEFAULT 0 NOT NULL,
	`work_qty_this_period` integer DEFAULT 0 NOT NULL,
	`stored_qty` integer DEFAULT 0 NOT NULL,
	`retainage_released_cents` integer DEFAULT 0 NOT NULL,
	`scheduled_value_cents` integer DEFAULT 0 NOT NULL,
	`work_completed_to_date_cents` integer DEFAULT 0 NOT NULL,
	`work_qty_to_date` integer DEFAULT 0 NOT NULL,
	`stored_materials_cents` integer DEFAULT 0 NOT NULL,
	`work_retainage_cents` integer DEFAULT 0 NOT NULL,
	`stored_retainage_cents` integer DEFAULT 0 NOT NULL,
	`retainage_released_to_date_cents` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sov_line_id`) REFERENCES `sov_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoice_lines_uq` ON `invoice_lines` (`invoice_id`,`sov_line_id`);--> statement-breakpoint
CREATE TABLE `invoice_revisions` (
	`invoice_id` text NOT NULL,
	`version` integer NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`invoice_id`, `version`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`number` integer NOT NULL,
	`billing_period_id` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`line6_frozen_cents` integer,
	`include_backup` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`billing_period_id`) REFERENCES `billing_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_uq` ON `invoices` (`contract_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_period_uq` ON `invoices` (`contract_id`,`billing_period_id`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`r2_key` text NOT NULL,
	`origin` text DEFAULT 'upload' NOT NULL,
	`uploaded_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_project_idx` ON `attachments` (`project_id`);--> statement-breakpoint
CREATE TABLE `invoice_attachments` (
	`invoice_id` text NOT NULL,
	`attachment_id` text NOT NULL,
	`source` text DEFAULT 'upload' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`added_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`invoice_id`, `attachment_id`),
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
