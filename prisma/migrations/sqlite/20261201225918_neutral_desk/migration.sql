-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "deskRef" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_deskRef_key" ON "Ticket"("deskRef");

-- Data: the Slack message ids become the ticket's desk reference ("<channel id>:<ts>"), which only the Slack adapter reads.
UPDATE "Ticket" SET "deskRef" = "slackChannel" || ':' || "slackTs" WHERE "slackChannel" IS NOT NULL AND "slackTs" IS NOT NULL;

-- Data: the staff desk's outbox lane is called desk, whichever desk (Slack, the console) shows it.
UPDATE "OutboxMessage" SET "channel" = 'desk' WHERE "channel" = 'slack';

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "deskRef" TEXT,
    "assigneeId" TEXT,
    "assigneeName" TEXT,
    "openedAt" DATETIME NOT NULL,
    "takenAt" DATETIME,
    "firstResponseAt" DATETIME,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "announcements" INTEGER NOT NULL DEFAULT 0,
    "nextAnnounceAt" DATETIME,
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedAt" DATETIME,
    CONSTRAINT "Ticket_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Ticket" ("address", "announcements", "assigneeId", "assigneeName", "channel", "chatId", "deskRef", "firstResponseAt", "id", "locale", "memberId", "nextAnnounceAt", "openedAt", "ratedAt", "rating", "ratingComment", "reason", "resolvedAt", "resolvedById", "status", "takenAt", "text") SELECT "address", "announcements", "assigneeId", "assigneeName", "channel", "chatId", "deskRef", "firstResponseAt", "id", "locale", "memberId", "nextAnnounceAt", "openedAt", "ratedAt", "rating", "ratingComment", "reason", "resolvedAt", "resolvedById", "status", "takenAt", "text" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE UNIQUE INDEX "Ticket_deskRef_key" ON "Ticket"("deskRef");
CREATE INDEX "Ticket_status_nextAnnounceAt_idx" ON "Ticket"("status", "nextAnnounceAt");
CREATE INDEX "Ticket_chatId_status_idx" ON "Ticket"("chatId", "status");
CREATE INDEX "Ticket_memberId_openedAt_idx" ON "Ticket"("memberId", "openedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
