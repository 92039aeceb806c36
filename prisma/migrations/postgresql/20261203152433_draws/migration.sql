-- CreateTable
CREATE TABLE "Draw" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "rules" TEXT,
    "prizes" TEXT NOT NULL,
    "entryKind" TEXT NOT NULL,
    "entry" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "drawAt" TIMESTAMP(3) NOT NULL,
    "beaconSource" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "seed" TEXT NOT NULL,
    "commitment" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "entryCount" INTEGER NOT NULL DEFAULT 0,
    "beacon" TEXT,
    "entriesDigest" TEXT,
    "drawKey" TEXT,
    "winners" TEXT,
    "drawnAt" TIMESTAMP(3),
    "awardedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Draw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrawEntry" (
    "id" TEXT NOT NULL,
    "drawId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "purchaseId" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DrawEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Draw_status_drawAt_idx" ON "Draw"("status", "drawAt");

-- CreateIndex
CREATE INDEX "Draw_entryKind_status_idx" ON "Draw"("entryKind", "status");

-- CreateIndex
CREATE INDEX "DrawEntry_drawId_withdrawnAt_idx" ON "DrawEntry"("drawId", "withdrawnAt");

-- CreateIndex
CREATE INDEX "DrawEntry_purchaseId_idx" ON "DrawEntry"("purchaseId");

-- CreateIndex
CREATE INDEX "DrawEntry_memberId_drawId_idx" ON "DrawEntry"("memberId", "drawId");

-- CreateIndex
CREATE UNIQUE INDEX "DrawEntry_drawId_source_key" ON "DrawEntry"("drawId", "source");

-- AddForeignKey
ALTER TABLE "DrawEntry" ADD CONSTRAINT "DrawEntry_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "Draw"("id") ON DELETE CASCADE ON UPDATE CASCADE;
