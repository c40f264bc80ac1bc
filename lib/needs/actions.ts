'use server';
import { defineAction } from '@/lib/server/action';
import { ZCreateNeeds, ZMergeNeeds, ZNeedsRef, ZReturnNeeds, ZUpdateNeeds } from './schemas';
import { createNeeds, mergeNeeds, returnNeeds, submitNeeds, updateNeeds, withdrawNeeds } from './service';

export const createNeedsAction = defineAction(ZCreateNeeds, (actor, input) => createNeeds(actor, input));
export const updateNeedsAction = defineAction(ZUpdateNeeds, updateNeeds);
export const submitNeedsAction = defineAction(ZNeedsRef, (actor, input) => submitNeeds(actor, input));
export const withdrawNeedsAction = defineAction(ZNeedsRef, withdrawNeeds);
export const returnNeedsAction = defineAction(ZReturnNeeds, returnNeeds);
export const mergeNeedsAction = defineAction(ZMergeNeeds, mergeNeeds);
