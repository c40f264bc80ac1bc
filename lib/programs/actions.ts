'use server';
import { defineAction } from '@/lib/server/action';
import { ZProgram, ZUpdateProgram } from './schemas';
import { createProgram, updateProgram } from './service';

export const createProgramAction = defineAction(ZProgram, createProgram);
export const updateProgramAction = defineAction(ZUpdateProgram, updateProgram);
