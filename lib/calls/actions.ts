'use server';
import { runAction } from '@/lib/server/action';
import { createCall, updateCall } from './service';

export async function createCallAction(input: unknown) {
  return runAction((actor) => createCall(actor, input));
}
export async function updateCallAction(input: unknown) {
  return runAction((actor) => updateCall(actor, input));
}
