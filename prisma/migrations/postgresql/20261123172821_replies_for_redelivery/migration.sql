-- AlterTable
ALTER TABLE "ProcessedUpdate" ADD COLUMN     "replies" TEXT;
