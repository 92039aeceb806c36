-- CreateTable
CREATE TABLE "RetiredCard" (
    "cardNumber" TEXT NOT NULL PRIMARY KEY,
    "retiredAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ErasedPhone" (
    "phoneHash" TEXT NOT NULL PRIMARY KEY,
    "erasedAt" DATETIME NOT NULL
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
    "searchName" TEXT NOT NULL DEFAULT '',
    "erasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Member" ("balance", "birthDay", "birthMonth", "birthYear", "birthdaySetAt", "cardNumber", "consentAt", "consentVersion", "createdAt", "id", "ledgerSeq", "lifetimeEarned", "lifetimeSpend", "locale", "name", "phone", "phoneVerified", "purchaseCount", "referralCode", "referredById", "stamps", "tier", "updatedAt") SELECT "balance", "birthDay", "birthMonth", "birthYear", "birthdaySetAt", "cardNumber", "consentAt", "consentVersion", "createdAt", "id", "ledgerSeq", "lifetimeEarned", "lifetimeSpend", "locale", "name", "phone", "phoneVerified", "purchaseCount", "referralCode", "referredById", "stamps", "tier", "updatedAt" FROM "Member";
DROP TABLE "Member";
ALTER TABLE "new_Member" RENAME TO "Member";
CREATE UNIQUE INDEX "Member_cardNumber_key" ON "Member"("cardNumber");
CREATE UNIQUE INDEX "Member_phone_key" ON "Member"("phone");
CREATE UNIQUE INDEX "Member_referralCode_key" ON "Member"("referralCode");
CREATE INDEX "Member_birthMonth_birthDay_idx" ON "Member"("birthMonth", "birthDay");
CREATE INDEX "Member_searchName_id_idx" ON "Member"("searchName", "id");
CREATE INDEX "Member_referredById_idx" ON "Member"("referredById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
