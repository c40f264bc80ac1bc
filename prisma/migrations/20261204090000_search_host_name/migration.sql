-- A task's stored search text ("searchText", 20261203090000_unaccent_search) also holds its host organization's
-- name, so that the queue's search (code, title, principal investigator, host organization) is one condition on
-- one trigram index. Asked as "searchText matches OR host organization's name matches", the planner could not
-- estimate the second half and scanned every task (npm run bench). The task's trigger reads the name when the
-- text's fields change; renaming an organization refreshes its tasks' text.
CREATE OR REPLACE FUNCTION khcn_task_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."searchText" IS NULL
     OR NEW."code" IS DISTINCT FROM OLD."code" OR NEW."title" IS DISTINCT FROM OLD."title"
     OR NEW."piName" IS DISTINCT FROM OLD."piName" OR NEW."hostOrganizationId" IS DISTINCT FROM OLD."hostOrganizationId" THEN
    -- One line each, so that a search never matches across the end of one field and the start of the next.
    NEW."searchText" := khcn_fold(concat_ws(E'\n', NEW."code", NEW."title", NEW."piName",
      (SELECT o."name" FROM "Organization" o WHERE o."id" = NEW."hostOrganizationId")));
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION khcn_organization_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- NULL makes the task's own trigger compute the text again, with the new name.
  UPDATE "Task" SET "searchText" = NULL WHERE "hostOrganizationId" = NEW."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Organization_name_searchText" AFTER UPDATE OF "name" ON "Organization"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION khcn_organization_renamed();

UPDATE "Task" SET "searchText" = NULL;
