CREATE TABLE `lien_waiver_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`waiver_id` text NOT NULL,
	`action` text NOT NULL,
	`user_id` text,
	`detail_json` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`waiver_id`) REFERENCES `lien_waivers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lien_waiver_events_waiver_idx` ON `lien_waiver_events` (`waiver_id`,`id`);--> statement-breakpoint
CREATE TABLE `lien_waivers` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`direction` text NOT NULL,
	`type` text NOT NULL,
	`form` text DEFAULT 'generic' NOT NULL,
	`amount_cents` integer NOT NULL,
	`through_date` text NOT NULL,
	`payment_id` text,
	`parties_json` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`signer_name` text,
	`signer_title` text,
	`signed_at` text,
	`signed_by` text,
	`attachment_id` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lien_waivers_invoice_idx` ON `lien_waivers` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `lien_waivers_contract_idx` ON `lien_waivers` (`contract_id`);--> statement-breakpoint
CREATE TABLE `payment_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`due_on` text NOT NULL,
	`message_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`message_id`) REFERENCES `email_messages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_reminders_uq` ON `payment_reminders` (`invoice_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`received_on` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`source_message_id` text,
	`recorded_by` text NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_message_id`) REFERENCES `email_messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_invoice_idx` ON `payments` (`invoice_id`,`received_on`);--> statement-breakpoint
ALTER TABLE `projects` ADD `jurisdiction` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `work_type` text DEFAULT 'private' NOT NULL;--> statement-breakpoint
ALTER TABLE `contracts` ADD `payment_terms_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `contracts` ADD `reminders_enabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `contracts` ADD `reminder_cadence_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `kind` text DEFAULT 'progress' NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `submitted_on` text;--> statement-breakpoint
-- Invoices submitted before this migration: their last change is the best record of the submission day.
UPDATE `invoices` SET `submitted_on` = substr(`updated_at`, 1, 10) WHERE `status` <> 'draft';