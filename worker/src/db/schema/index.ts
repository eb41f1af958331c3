export * from './core';
export * from './contracts';
export * from './invoices';
export * from './attachments';
export * from './email';
export * from './backups';
export * from './send-batches';
export * from './period-backups';
