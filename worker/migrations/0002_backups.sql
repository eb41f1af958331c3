CREATE TABLE `direct_costs` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`contract_id` text,
	`cost_code` text DEFAULT '' NOT NULL,
	`amount_cents` integer NOT NULL,
	`incurred_on` text NOT NULL,
	`vendor` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`receipt_attachment_id` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_attachment_id`) REFERENCES `attachments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `direct_costs_project_date_idx` ON `direct_costs` (`project_id`,`incurred_on`);--> statement-breakpoint
CREATE TABLE `invoice_backup_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`invoice_ids` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`file_name` text NOT NULL,
	`volume_budget_bytes` integer NOT NULL,
	`part_count` integer NOT NULL,
	`parts_done` integer DEFAULT 0 NOT NULL,
	`segments_total` integer NOT NULL,
	`segments_done` integer DEFAULT 0 NOT NULL,
	`error` text,
	`ready_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invoice_backup_jobs_user_idx` ON `invoice_backup_jobs` (`requested_by`,`created_at`);--> statement-breakpoint
CREATE INDEX `invoice_backup_jobs_project_idx` ON `invoice_backup_jobs` (`project_id`);--> statement-breakpoint
CREATE TABLE `invoice_backup_parts` (
	`job_id` text NOT NULL,
	`part_no` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`plan` text NOT NULL,
	`segment_offset` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`r2_key` text,
	`file_name` text NOT NULL,
	`size_bytes` integer,
	`page_count` integer,
	`toc` text,
	`excluded` text,
	`completed_at` text,
	PRIMARY KEY(`job_id`, `part_no`),
	FOREIGN KEY (`job_id`) REFERENCES `invoice_backup_jobs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
