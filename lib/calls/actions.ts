'use server';
import { defineAction } from '@/lib/server/action';
import { ZCall, ZUpdateCall } from './schemas';
import { createCall, updateCall } from './service';

export const createCallAction = defineAction(ZCall, createCall);
export const updateCallAction = defineAction(ZUpdateCall, updateCall);
