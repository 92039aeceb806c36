-- AlterTable
ALTER TABLE "Chat" ADD COLUMN     "lastSeenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "notifyChannel" TEXT;
