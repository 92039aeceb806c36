// A one-time code's value is its primary key: values must be reusable once
// their code is used or expired, or the 6-digit space fills up for good.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createPointsStore } from '../../../core/storage/points/createPointsStore.ts';
import { createTestDatabase, describeEachProvider, type TestDatabase } from '../../support/testDatabase.ts';

const now = new Date('2026-03-10T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describeEachProvider('one-time codes at the till', (provider) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(provider);
  });

  afterEach(async () => {
    await db.dispose();
  });

  async function aMember(n: number): Promise<string> {
    const id = crypto.randomUUID();
    await db.prisma.member.create({
      data: {
        id,
        cardNumber: `30000000000${n}`,
        name: 'Anna',
        phone: `+3736900000${n}`,
        locale: 'en',
        consentAt: now,
        consentVersion: 'test',
      },
    });
    return id;
  }

  it('issues a value again once the code that held it has expired', async () => {
    const store = createPointsStore(db);
    expect(await store.issueCode(await aMember(1), '123456', minutes(5), now)).toBe(true);
    expect(await store.issueCode(await aMember(2), '123456', minutes(15), minutes(10))).toBe(true);
  });

  it('never takes over a value while the code that holds it is live', async () => {
    const store = createPointsStore(db);
    expect(await store.issueCode(await aMember(1), '123456', minutes(5), now)).toBe(true);
    expect(await store.issueCode(await aMember(2), '123456', minutes(6), minutes(1))).toBe(false);
  });

  it('issues a value again once the code that held it was used', async () => {
    const store = createPointsStore(db);
    const first = await aMember(1);
    expect(await store.issueCode(first, '123456', minutes(5), now)).toBe(true);
    await db.prisma.oneTimeCode.update({ where: { code: '123456' }, data: { usedAt: minutes(1) } });
    expect(await store.issueCode(await aMember(2), '123456', minutes(7), minutes(2))).toBe(true);
  });
});
