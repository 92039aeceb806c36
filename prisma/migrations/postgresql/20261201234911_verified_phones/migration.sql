-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "phoneVerified" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "phone" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PhoneAttempt" (
    "id" SERIAL NOT NULL,
    "chatId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PhoneAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PhoneAttempt_chatId_at_idx" ON "PhoneAttempt"("chatId", "at");
