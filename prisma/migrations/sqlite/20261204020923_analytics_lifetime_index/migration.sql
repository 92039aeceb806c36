-- CreateIndex
CREATE INDEX "MemberMonth_joinMonth_memberId_month_purchases_spend_idx" ON "MemberMonth"("joinMonth", "memberId", "month", "purchases", "spend");
