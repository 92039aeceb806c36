-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "deskRef" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_deskRef_key" ON "Ticket"("deskRef");

-- Data: the Slack message ids become the ticket's desk reference ("<channel id>:<ts>"), which only the Slack adapter reads.
UPDATE "Ticket" SET "deskRef" = "slackChannel" || ':' || "slackTs" WHERE "slackChannel" IS NOT NULL AND "slackTs" IS NOT NULL;

-- Data: the staff desk's outbox lane is called desk, whichever desk (Slack, the console) shows it.
UPDATE "OutboxMessage" SET "channel" = 'desk' WHERE "channel" = 'slack';

-- DropIndex
DROP INDEX "Ticket_slackTs_key";

-- AlterTable
ALTER TABLE "Ticket" DROP COLUMN "slackChannel",
DROP COLUMN "slackTs";
