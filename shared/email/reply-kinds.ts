// The kinds of reply shared/email/classify-reply.ts tells apart (also the database column's values).
export const replyKinds = ['approval', 'rejection', 'revise', 'question', 'payment', 'auto_reply', 'other'] as const;
export type ReplyKind = (typeof replyKinds)[number];
