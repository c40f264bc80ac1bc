'use server';
import { defineAction } from '@/lib/server/action';
import { ZDecideSelection, ZFormSelectionCouncil } from './schemas';
import { decideSelection, formSelectionCouncil } from './service';

export const formSelectionCouncilAction = defineAction(ZFormSelectionCouncil, (actor, input) => formSelectionCouncil(actor, input));
export const decideSelectionAction = defineAction(ZDecideSelection, (actor, input) => decideSelection(actor, input));
