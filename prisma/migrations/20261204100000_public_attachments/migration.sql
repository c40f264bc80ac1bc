-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "publishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "publishedById" TEXT;


-- A published file names who published it; an unpublished one names nobody.
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_published_by" CHECK (("publishedAt" IS NULL) = ("publishedById" IS NULL));
