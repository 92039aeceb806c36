-- AlterTable
ALTER TABLE "Chat" ADD COLUMN "lastSeenAt" DATETIME;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "notifyChannel" TEXT;
