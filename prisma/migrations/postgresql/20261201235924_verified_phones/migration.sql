-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "phoneVerified" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "phone" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Attempt" (
    "id" SERIAL NOT NULL,
    "subject" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attempt_subject_at_idx" ON "Attempt"("subject", "at");

-- Members enrolled before this migration keep their numbers as proven: who typed
-- and who shared was not recorded, and no owner should lose a card on upgrade.
UPDATE "Member" SET "phoneVerified" = true WHERE "phone" IS NOT NULL;
