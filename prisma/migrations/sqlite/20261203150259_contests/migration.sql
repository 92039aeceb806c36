-- CreateTable
CREATE TABLE "Contest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "rules" TEXT,
    "submissionsOpenAt" DATETIME NOT NULL,
    "submissionsCloseAt" DATETIME NOT NULL,
    "votingOpensAt" DATETIME NOT NULL,
    "votingClosesAt" DATETIME NOT NULL,
    "votesPerMember" INTEGER NOT NULL DEFAULT 1,
    "prizes" TEXT NOT NULL,
    "showAuthorNames" BOOLEAN NOT NULL DEFAULT false,
    "seed" TEXT NOT NULL,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ContestEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contestId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "pictureId" TEXT NOT NULL,
    "caption" TEXT,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "submittedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "ContestEntry_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContestEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContestVote" (
    "contestId" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "castAt" DATETIME NOT NULL,

    PRIMARY KEY ("contestId", "voterId", "slot"),
    CONSTRAINT "ContestVote_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContestVote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContestVote_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ContestEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Contest_closedAt_votingClosesAt_idx" ON "Contest"("closedAt", "votingClosesAt");

-- CreateIndex
CREATE INDEX "ContestEntry_contestId_status_idx" ON "ContestEntry"("contestId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ContestEntry_contestId_memberId_key" ON "ContestEntry"("contestId", "memberId");

-- CreateIndex
CREATE INDEX "ContestVote_entryId_idx" ON "ContestVote"("entryId");

-- CreateIndex
CREATE UNIQUE INDEX "ContestVote_contestId_voterId_entryId_key" ON "ContestVote"("contestId", "voterId", "entryId");
