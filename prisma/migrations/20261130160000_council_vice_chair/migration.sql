-- A council may have a vice-chair (phó chủ tịch), who may preside over its meeting in the chair's absence.
ALTER TYPE "CouncilPosition" ADD VALUE IF NOT EXISTS 'VICE_CHAIR' AFTER 'CHAIR';
