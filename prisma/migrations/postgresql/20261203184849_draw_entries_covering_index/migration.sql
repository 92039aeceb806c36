-- DropIndex
DROP INDEX "DrawEntry_drawId_withdrawnAt_idx";

-- CreateIndex
CREATE INDEX "DrawEntry_drawId_withdrawnAt_id_memberId_idx" ON "DrawEntry"("drawId", "withdrawnAt", "id", "memberId");
