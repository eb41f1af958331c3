ALTER TABLE `invoices` ADD `architect_certified_cents` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `architect_certified_at` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `architect_certified_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `invoices` ADD `architect_certified_message_id` text;--> statement-breakpoint
ALTER TABLE `email_messages` ADD `understanding` text;