-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "ticketId" TEXT;

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "slackChannel" TEXT,
    "slackTs" TEXT,
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

-- CreateTable
CREATE TABLE "TicketMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT,
    "text" TEXT NOT NULL,
    "photoFileId" TEXT,
    "sourceKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "TicketMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_slackTs_key" ON "Ticket"("slackTs");

-- CreateIndex
CREATE INDEX "Ticket_status_nextAnnounceAt_idx" ON "Ticket"("status", "nextAnnounceAt");

-- CreateIndex
CREATE INDEX "Ticket_chatId_status_idx" ON "Ticket"("chatId", "status");

-- CreateIndex
CREATE INDEX "Ticket_memberId_openedAt_idx" ON "Ticket"("memberId", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TicketMessage_sourceKey_key" ON "TicketMessage"("sourceKey");

-- CreateIndex
CREATE INDEX "TicketMessage_ticketId_createdAt_idx" ON "TicketMessage"("ticketId", "createdAt");
