'use server';
import { defineAction } from '@/lib/server/action';
import { ZConcludeIdentification, ZDeclareIdentification, ZFormIdentificationCouncil, ZNeedsRating } from './schemas';
import { concludeIdentification, declareIdentificationConflict, formIdentificationCouncil, saveNeedsRating } from './service';

export const formIdentificationCouncilAction = defineAction(ZFormIdentificationCouncil, formIdentificationCouncil);
export const concludeIdentificationAction = defineAction(ZConcludeIdentification, concludeIdentification);
export const declareIdentificationAction = defineAction(ZDeclareIdentification, declareIdentificationConflict);
export const saveNeedsRatingAction = defineAction(ZNeedsRating, saveNeedsRating);
