'use server';
import { defineAction } from '@/lib/server/action';
import {
  ZAddListItems,
  ZCreateOrderList,
  ZDecideOrderList,
  ZListRef,
  ZRemoveListItem,
  ZSubmitOrderList,
  ZUpdateListItem,
  ZUrgentListedTask,
  ZOpenListed,
} from './schemas';
import {
  addListItems,
  createOrderList,
  createUrgentListedTask,
  decideOrderList,
  openListedTasks,
  recallOrderList,
  removeListItem,
  submitOrderList,
  updateListItem,
} from './service';

export const createOrderListAction = defineAction(ZCreateOrderList, createOrderList);
export const addListItemsAction = defineAction(ZAddListItems, addListItems);
export const removeListItemAction = defineAction(ZRemoveListItem, removeListItem);
export const updateListItemAction = defineAction(ZUpdateListItem, updateListItem);
export const submitOrderListAction = defineAction(ZSubmitOrderList, (actor, input) => submitOrderList(actor, input));
export const recallOrderListAction = defineAction(ZListRef, recallOrderList);
export const decideOrderListAction = defineAction(ZDecideOrderList, (actor, input) => decideOrderList(actor, input));
export const createUrgentListedTaskAction = defineAction(ZUrgentListedTask, createUrgentListedTask);
export const openListedTasksAction = defineAction(ZOpenListed, (actor, input) => openListedTasks(actor, input));
