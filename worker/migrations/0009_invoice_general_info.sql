CREATE TABLE `invoice_info_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` text NOT NULL,
	`version` integer NOT NULL,
	`user_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `iih_invoice_idx` ON `invoice_info_history` (`invoice_id`,`id`);--> statement-breakpoint
ALTER TABLE `invoices` ADD `application_date` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `to_name` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `architect` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `contract_date` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `project_number` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `contract_for` text;