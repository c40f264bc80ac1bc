'use server';
import { defineAction } from '@/lib/server/action';
import { ZMarkRead } from './schemas';
import { markNotificationsRead } from './service';

export const markNotificationsReadAction = defineAction(ZMarkRead, markNotificationsRead);
