-- Search that ignores case and diacritics ("nong nghiep" finds "nông nghiệp", "d" finds "đ").
-- unaccent and pg_trgm are trusted extensions (PostgreSQL 13+): a database owner may create them on a managed
-- server; where they already exist (in whichever schema) they are used from there.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- khcn_fold(text): lower case, without diacritics, đ/Đ as d; the same folding as foldVietnamese() in
-- lib/domain/search.ts. unaccent() is only STABLE (its dictionary could change), so the IMMUTABLE wrapper names
-- the dictionary and the function by schema: an index on it then never depends on the search_path. The
-- function itself goes in the schema of the migration (the app's tables).
DO $migration$
DECLARE
  unaccent_schema text := (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent');
  trgm_schema text := (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm');
BEGIN
  EXECUTE format(
    $f$CREATE OR REPLACE FUNCTION khcn_fold(text) RETURNS text
       LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
       AS $body$ SELECT lower(%1$s.unaccent(%2$L::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D'))) $body$$f$,
    unaccent_schema,
    unaccent_schema || '.unaccent'
  );
  -- Organizations and people are few: trigram indexes on the folded expressions serve the header search (and the
  -- queue's "tasks of an organization whose name matches").
  EXECUTE format('CREATE INDEX "Organization_name_fold_trgm_idx" ON "Organization" USING gin (khcn_fold("name") %s.gin_trgm_ops)', trgm_schema);
  EXECUTE format('CREATE INDEX "User_name_fold_trgm_idx" ON "User" USING gin (khcn_fold("name") %s.gin_trgm_ops)', trgm_schema);
  EXECUTE format('CREATE INDEX "User_email_fold_trgm_idx" ON "User" USING gin (khcn_fold("email") %s.gin_trgm_ops)', trgm_schema);
END
$migration$;

-- Tasks are many, and a search may match a good share of them: every trigram match is checked again on the row,
-- so the folded text is stored rather than computed per row at each search (`npm run bench`, 20 000 tasks: the
-- title search's p95 was 62 ms with trigram indexes on khcn_fold(title) etc., 26 ms with the stored column). The
-- trigger keeps it true on every insert and update, whoever writes; the app never writes it (@ignore).
ALTER TABLE "Task" ADD COLUMN "searchText" TEXT;

CREATE FUNCTION khcn_task_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One line each, so that a search never matches across the end of one field and the start of the next.
  NEW."searchText" := khcn_fold(concat_ws(E'\n', NEW."code", NEW."title", NEW."piName"));
  RETURN NEW;
END
$$;

CREATE TRIGGER "Task_searchText" BEFORE INSERT OR UPDATE ON "Task"
  FOR EACH ROW EXECUTE FUNCTION khcn_task_search_text();

UPDATE "Task" SET "searchText" = khcn_fold(concat_ws(E'\n', "code", "title", "piName"));

-- CreateIndex (as schema.prisma declares it)
CREATE INDEX "Task_searchText_idx" ON "Task" USING GIN ("searchText" gin_trgm_ops);
