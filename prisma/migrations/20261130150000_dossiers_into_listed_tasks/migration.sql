-- Dossiers from before listed tasks existed (issue 8, item 8): each task without a listed task becomes the only
-- dossier of a listed task of its own, assigned directly to its host organization, so every dossier answers a
-- listed task and no row is lost. The listed task's status follows the dossier's: still being decided → OPEN,
-- withdrawn or rejected → UNASSIGNED, approved and after → ASSIGNED. It keeps no notice of its own (the dossier
-- keeps its call), so an older notice does not start requiring dossiers to name a listed task. Codes continue
-- each plan year's DM-<year>-<nnn> sequence. Safe to run again: it touches only tasks without a listed task
-- (the demo seed runs this same file after creating its tasks).
WITH legacy AS (
  SELECT t."id", t."year", t."title", t."field", t."objectives", t."expectedProducts", t."durationMonths",
         COALESCE(t."budgetState", t."budgetTotal") AS "budget", t."hostOrganizationId", t."status", t."createdAt",
         row_number() OVER (PARTITION BY t."year" ORDER BY t."createdAt", t."id") AS "n"
  FROM "Task" t
  WHERE t."listedTaskId" IS NULL
),
inserted AS (
  INSERT INTO "ListedTask" (
    "id", "code", "planYear", "status", "version", "urgent", "title", "field", "objectives", "products", "method",
    "directOrganizationId", "directReason", "durationMonths", "budgetEstimate", "createdAt", "updatedAt"
  )
  SELECT 'lt_' || l."id",
         'DM-' || l."year" || '-' || lpad((COALESCE(c."last", 0) + l."n")::text, 3, '0'),
         l."year",
         (CASE WHEN l."status" IN ('DRAFT', 'PROPOSED', 'RETURNED', 'UNDER_REVIEW') THEN 'OPEN'
               WHEN l."status" IN ('WITHDRAWN', 'REJECTED') THEN 'UNASSIGNED'
               ELSE 'ASSIGNED' END)::"ListedTaskStatus",
         1, false, l."title", l."field", COALESCE(l."objectives", ''),
         COALESCE((SELECT string_agg(p->>'name', '; ')
                   FROM jsonb_array_elements(CASE WHEN jsonb_typeof(l."expectedProducts") = 'array' THEN l."expectedProducts" ELSE '[]'::jsonb END) p), ''),
         'DIRECT', l."hostOrganizationId", 'Hồ sơ có trước danh mục nhiệm vụ đặt hàng (chuyển đổi dữ liệu).',
         l."durationMonths", l."budget", l."createdAt", now()
  FROM legacy l
  LEFT JOIN "ListedTaskCodeCounter" c ON c."year" = l."year"
  RETURNING "id"
)
UPDATE "Task" t SET "listedTaskId" = i."id"
FROM inserted i
WHERE i."id" = 'lt_' || t."id";

INSERT INTO "ListedTaskCodeCounter" ("year", "last")
SELECT "planYear", max(substring("code" from '(\d+)$')::int)
FROM "ListedTask"
WHERE "code" ~ '^DM-\d+-\d+$'
GROUP BY "planYear"
ON CONFLICT ("year") DO UPDATE SET "last" = GREATEST("ListedTaskCodeCounter"."last", EXCLUDED."last");
