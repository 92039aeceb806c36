-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "ticketId" TEXT;

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
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
    "openedAt" TIMESTAMP(3) NOT NULL,
    "takenAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "announcements" INTEGER NOT NULL DEFAULT 0,
    "nextAnnounceAt" TIMESTAMP(3),
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedAt" TIMESTAMP(3),

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketMessage" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT,
    "text" TEXT NOT NULL,
    "photoFileId" TEXT,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketMessage_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMessage" ADD CONSTRAINT "TicketMessage_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
