CREATE TABLE `project_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`email` text NOT NULL,
	`prime_contracts_level` text DEFAULT 'none' NOT NULL,
	`commitments_level` text DEFAULT 'none' NOT NULL,
	`invited_by` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`responded_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_invitations_email_idx` ON `project_invitations` (`email`,`status`);--> statement-breakpoint
CREATE INDEX `project_invitations_project_idx` ON `project_invitations` (`project_id`);--> statement-breakpoint
ALTER TABLE `auth_email_links` ADD `requester` text;--> statement-breakpoint
CREATE INDEX `auth_email_links_requester_idx` ON `auth_email_links` (`requester`,`created_at`);--> statement-breakpoint
ALTER TABLE `email_messages` ADD `sender_auth` text;--> statement-breakpoint
ALTER TABLE `email_messages` ADD `sender_auth_detail` text;--> statement-breakpoint
ALTER TABLE `email_unmatched_projects` ADD `tools` text DEFAULT '[]' NOT NULL;