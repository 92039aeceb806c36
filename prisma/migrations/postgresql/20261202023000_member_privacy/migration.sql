-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "searchName" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "RetiredCard" (
    "cardNumber" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetiredCard_pkey" PRIMARY KEY ("cardNumber")
);

-- CreateTable
CREATE TABLE "ErasedPhone" (
    "phoneHash" TEXT NOT NULL,
    "erasedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErasedPhone_pkey" PRIMARY KEY ("phoneHash")
);

-- CreateIndex
CREATE INDEX "Member_searchName_id_idx" ON "Member"("searchName", "id");

-- CreateIndex
CREATE INDEX "Member_referredById_idx" ON "Member"("referredById");
