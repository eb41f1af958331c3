CREATE TABLE `auth_email_links` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`user_id` text,
	`token_hash` text,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `auth_email_links_token_uq` ON `auth_email_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `auth_email_links_email_idx` ON `auth_email_links` (`email`,`created_at`);--> statement-breakpoint
CREATE TABLE `email_events` (
	`id` text PRIMARY KEY NOT NULL,
	`provider_message_id` text NOT NULL,
	`kind` text NOT NULL,
	`recipient` text DEFAULT '' NOT NULL,
	`occurred_at` text NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `email_events_provider_idx` ON `email_events` (`provider_message_id`);--> statement-breakpoint
CREATE TABLE `email_message_files` (
	`message_id` text NOT NULL,
	`position` integer NOT NULL,
	`attachment_id` text,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`r2_key` text NOT NULL,
	PRIMARY KEY(`message_id`, `position`),
	FOREIGN KEY (`message_id`) REFERENCES `email_messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `email_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`direction` text NOT NULL,
	`thread_id` text,
	`project_id` text,
	`status` text NOT NULL,
	`from_email` text NOT NULL,
	`from_name` text DEFAULT '' NOT NULL,
	`to_json` text DEFAULT '[]' NOT NULL,
	`cc_json` text DEFAULT '[]' NOT NULL,
	`reply_to` text,
	`subject` text NOT NULL,
	`message_text` text DEFAULT '' NOT NULL,
	`text_body` text,
	`html_body` text,
	`is_body_truncated` integer DEFAULT false NOT NULL,
	`body_r2_key` text,
	`internet_message_id` text,
	`in_reply_to` text,
	`references_header` text,
	`provider_message_id` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`sent_by` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`sending_at` text,
	`sent_at` text,
	`received_at` text,
	`failure_reason` text,
	`classification` text,
	`classification_reason` text,
	`classification_matched` text,
	`is_from_outsider` integer DEFAULT false NOT NULL,
	`unmatched_reason` text,
	`receipt_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`thread_id`) REFERENCES `email_threads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_messages_provider_uq` ON `email_messages` (`provider_message_id`);--> statement-breakpoint
CREATE INDEX `email_messages_thread_idx` ON `email_messages` (`thread_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `email_messages_internet_id_idx` ON `email_messages` (`internet_message_id`);--> statement-breakpoint
CREATE INDEX `email_messages_direction_idx` ON `email_messages` (`direction`,`created_at`);--> statement-breakpoint
CREATE TABLE `email_participants` (
	`thread_id` text NOT NULL,
	`email` text NOT NULL,
	`project_id` text NOT NULL,
	`user_id` text,
	`name` text DEFAULT '' NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`thread_id`, `email`),
	FOREIGN KEY (`thread_id`) REFERENCES `email_threads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_participants_email_idx` ON `email_participants` (`email`);--> statement-breakpoint
CREATE TABLE `email_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`reply_token` text NOT NULL,
	`subject` text NOT NULL,
	`is_private` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_threads_token_uq` ON `email_threads` (`reply_token`);--> statement-breakpoint
CREATE INDEX `email_threads_invoice_idx` ON `email_threads` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `email_unmatched_projects` (
	`message_id` text NOT NULL,
	`project_id` text NOT NULL,
	`matched_by` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`message_id`, `project_id`),
	FOREIGN KEY (`message_id`) REFERENCES `email_messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_unmatched_project_idx` ON `email_unmatched_projects` (`project_id`);--> statement-breakpoint
CREATE TABLE `inbound_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`r2_key` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`provider_message_id` text,
	`message_id` text,
	`error` text,
	`received_at` text NOT NULL,
	`processed_at` text
);
--> statement-breakpoint
CREATE INDEX `inbound_receipts_status_idx` ON `inbound_receipts` (`status`);