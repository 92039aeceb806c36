-- CreateTable
CREATE TABLE "Attempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subject" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Member" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cardNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "phoneVerified" BOOLEAN NOT NULL DEFAULT false,
    "birthDay" INTEGER,
    "birthMonth" INTEGER,
    "birthYear" INTEGER,
    "birthdaySetAt" DATETIME,
    "locale" TEXT NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "consentVersion" TEXT NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "tier" TEXT,
    "ledgerSeq" INTEGER NOT NULL DEFAULT 0,
    "lifetimeSpend" INTEGER NOT NULL DEFAULT 0,
    "lifetimeEarned" INTEGER NOT NULL DEFAULT 0,
    "purchaseCount" INTEGER NOT NULL DEFAULT 0,
    "stamps" INTEGER NOT NULL DEFAULT 0,
    "referralCode" TEXT,
    "referredById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Member" ("balance", "birthDay", "birthMonth", "birthYear", "birthdaySetAt", "cardNumber", "consentAt", "consentVersion", "createdAt", "id", "ledgerSeq", "lifetimeEarned", "lifetimeSpend", "locale", "name", "phone", "purchaseCount", "referralCode", "referredById", "stamps", "tier", "updatedAt") SELECT "balance", "birthDay", "birthMonth", "birthYear", "birthdaySetAt", "cardNumber", "consentAt", "consentVersion", "createdAt", "id", "ledgerSeq", "lifetimeEarned", "lifetimeSpend", "locale", "name", "phone", "purchaseCount", "referralCode", "referredById", "stamps", "tier", "updatedAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_cardNumber_key" ON "Member"("cardNumber");
CREATE UNIQUE INDEX "Member_phone_key" ON "Member"("phone");
CREATE UNIQUE INDEX "Member_referralCode_key" ON "Member"("referralCode");
CREATE INDEX "Member_birthMonth_birthDay_idx" ON "Member"("birthMonth", "birthDay");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Attempt_subject_at_idx" ON "Attempt"("subject", "at");

-- Members enrolled before this migration keep their numbers as proven: who typed
-- and who shared was not recorded, and no owner should lose a card on upgrade.
UPDATE "Member" SET "phoneVerified" = true WHERE "phone" IS NOT NULL;
