'use server';
import { defineAction } from '@/lib/server/action';
import { ZCreateUser, ZProfile, ZResetPassword, ZSetUserActive } from './schemas';
import { createUser, resetUserPassword, setUserActive, updateProfile } from './service';

export const createUserAction = defineAction(ZCreateUser, createUser);
export const setUserActiveAction = defineAction(ZSetUserActive, setUserActive);
export const resetUserPasswordAction = defineAction(ZResetPassword, resetUserPassword);
export const updateProfileAction = defineAction(ZProfile, updateProfile);
