-- A dossier that competed for a listed task and was not selected (không trúng tuyển).
ALTER TYPE "TaskStatus" ADD VALUE IF NOT EXISTS 'NOT_SELECTED' AFTER 'REJECTED';
