'use server';
import { defineAction } from '@/lib/server/action';
import { ZSettings } from '@/lib/domain/settings';
import { updateSettings } from './service';

export const updateSettingsAction = defineAction(ZSettings, updateSettings);
