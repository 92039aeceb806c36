-- AlterTable
ALTER TABLE "Quiz" ADD COLUMN "segmentId" TEXT;
