// POST /dev/run-reminders (local development only, worker/src/routes/dev.ts): the daily reminder run on a given day.
import { z } from 'zod';
import { ZDate } from './common';

export const ZRunReminders = z.object({ today: ZDate });
