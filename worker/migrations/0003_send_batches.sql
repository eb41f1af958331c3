CREATE TABLE `send_batch_items` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`position` integer NOT NULL,
	`invoice_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`invoice_number` integer NOT NULL,
	`contract_number` integer NOT NULL,
	`recipient_email` text NOT NULL,
	`recipient_name` text DEFAULT '' NOT NULL,
	`recipient_user_id` text,
	`subject` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`run_no` integer,
	`chunk_no` integer,
	`claim_id` text,
	`claimed_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`postmark_message_id` text,
	`reason` text,
	`sent_at` text,
	`thread_id` text NOT NULL,
	`email_message_id` text NOT NULL,
	`reply_token` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `send_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `send_batch_items_position_uq` ON `send_batch_items` (`batch_id`,`position`);--> statement-breakpoint
CREATE INDEX `send_batch_items_chunk_idx` ON `send_batch_items` (`batch_id`,`run_no`,`chunk_no`,`status`);--> statement-breakpoint
CREATE INDEX `send_batch_items_status_idx` ON `send_batch_items` (`batch_id`,`status`);--> statement-breakpoint
CREATE INDEX `send_batch_items_invoice_idx` ON `send_batch_items` (`batch_id`,`invoice_id`);--> statement-breakpoint
CREATE INDEX `send_batch_items_claim_idx` ON `send_batch_items` (`claim_id`);--> statement-breakpoint
CREATE TABLE `send_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'registered' NOT NULL,
	`selection_json` text NOT NULL,
	`recipient_mode` text NOT NULL,
	`subject_template` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`attach_pdf` integer DEFAULT false NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`item_count` integer NOT NULL,
	`invoice_count` integer NOT NULL,
	`run_no` integer DEFAULT 0 NOT NULL,
	`run_claim` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`started_at` text,
	`stopped_at` text,
	`finished_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `send_batches_project_idx` ON `send_batches` (`project_id`,`created_at`);