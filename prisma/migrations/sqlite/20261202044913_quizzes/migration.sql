-- CreateTable
CREATE TABLE "Quiz" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "intro" TEXT,
    "questions" TEXT NOT NULL,
    "pointsPerCorrect" INTEGER NOT NULL,
    "perfectBonus" INTEGER NOT NULL,
    "secondsPerQuestion" INTEGER NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" DATETIME,
    "closedAt" DATETIME,
    "announcedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "quizId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "nextIndex" INTEGER NOT NULL DEFAULT 0,
    "score" INTEGER NOT NULL DEFAULT 0,
    "answerMs" INTEGER NOT NULL DEFAULT 0,
    "completedAt" DATETIME,
    "finishedBy" TEXT,
    "points" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAnswer" (
    "attemptId" TEXT NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "optionOrder" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "answeredAt" DATETIME,
    "chosen" INTEGER,
    "correct" BOOLEAN NOT NULL DEFAULT false,
    "timedOut" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("attemptId", "questionIndex"),
    CONSTRAINT "QuizAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Quiz_state_closesAt_idx" ON "Quiz"("state", "closesAt");

-- CreateIndex
CREATE INDEX "QuizAttempt_quizId_completedAt_idx" ON "QuizAttempt"("quizId", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_quizId_memberId_key" ON "QuizAttempt"("quizId", "memberId");
