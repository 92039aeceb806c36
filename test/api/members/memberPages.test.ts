import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachProvider } from '../../support/testDatabase.ts';
import { startApiTestApp, type ApiTestApp } from '../support/apiTestApp.ts';

interface Listing {
  id: string;
  name: string;
  cardNumber: string;
  phone: string | null;
}
interface Profile {
  member: Record<string, unknown>;
  lifetime: unknown;
  consent: { version: string };
  chats: unknown[];
  notifications: unknown[];
  tickets: unknown;
}
interface SearchPage {
  members: Listing[];
  next: string | null;
}

describeEachProvider('member search and a member’s page', (provider) => {
  let api: ApiTestApp;
  const search = (q: string, extra = '') =>
    api.call<SearchPage>('GET', `/api/v1/members/search?q=${encodeURIComponent(q)}${extra}`);

  beforeAll(async () => {
    api = await startApiTestApp(provider, { WELCOME_BONUS_POINTS: '100' });
    await api.enrol('+37369400001', { name: 'Ștefan Rusu', locale: 'ro' });
    await api.enrol('+37369400002', { name: 'Мария Иванова', locale: 'ru' });
    await api.enrol('+37369400003', { name: 'Maria Rusu', locale: 'ro' });
    await api.enrol('+37369400004', { name: 'Ion Ciobanu', locale: 'ro' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('finds by part of a name, whatever the case and the accents', async () => {
    expect((await search('rusu')).body.members.map((m) => m.name)).toEqual(['Maria Rusu', 'Ștefan Rusu']);
    expect((await search('STEF')).body.members.map((m) => m.name)).toEqual(['Ștefan Rusu']);
    expect((await search('мари')).body.members.map((m) => m.name)).toEqual(['Мария Иванова']);
  });

  it('finds by phone in any spelling and by some of its digits, showing only the last four', async () => {
    for (const q of ['+37369400004', '069 400 004', '(0) 69-400-004', '400004']) {
      const found = (await search(q)).body.members;
      expect(
        found.map((m) => m.name),
        q,
      ).toEqual(['Ion Ciobanu']);
      expect(found[0]!.phone).toBe('•••• 0004');
    }
  });

  it('finds by the last four or more digits of a phone, spaced or dashed, and by the whole number with +373, 373 or 0', async () => {
    const endings = ['0004', '00 04', '00-04', '400 004', '9-400-004', '69400004'];
    const whole = ['+373 69 400 004', '373-69-400-004', '0 69 400 004', '069400004', '+373 (69) 40-00-04'];
    for (const q of [...endings, ...whole])
      expect(
        (await search(q)).body.members.map((m) => m.name),
        q,
      ).toEqual(['Ion Ciobanu']);
  });

  it('reads digits as the end of a number: digits from its middle, or fewer than four, find nobody', async () => {
    expect((await search('6940')).body.members).toEqual([]);
    expect((await search('004')).body.members).toEqual([]);
  });

  it('finds by card number with or without spaces', async () => {
    const ion = (await search('ciobanu')).body.members[0]!;
    const spaced = ion.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
    for (const q of [ion.cardNumber, spaced]) expect((await search(q)).body.members.map((m) => m.id)).toEqual([ion.id]);
  });

  it('pages through the results with a cursor, each member once', async () => {
    const first = await search('a', '&limit=2');
    expect(first.body.members).toHaveLength(2);
    const second = await search('a', `&limit=2&cursor=${first.body.next}`);
    const all = [...first.body.members, ...second.body.members].map((m) => m.name);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('Ion Ciobanu');
  });

  it('pages through a search of three letters or more, each member once, in name order', async () => {
    const first = await search('rusu', '&limit=1');
    const second = await search('rusu', `&limit=1&cursor=${first.body.next}`);
    expect([...first.body.members, ...second.body.members].map((m) => m.name)).toEqual(['Maria Rusu', 'Ștefan Rusu']);
    expect(second.body.next).toBeNull();
  });

  it('refuses a search without a query or with a forged cursor, naming the field', async () => {
    const empty = await api.call<{ errors: { pointer: string }[] }>('GET', '/api/v1/members/search');
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e) => e.pointer)).toEqual(['/q']);
    const forged = await api.call<{ errors: { pointer: string }[] }>(
      'GET',
      '/api/v1/members/search?q=rusu&cursor=bm90LWEtY3Vyc29y',
    );
    expect(forged.status).toBe(400);
    expect(forged.body.errors.map((e) => e.pointer)).toEqual(['/cursor']);
  });

  it('needs the admin token', async () => {
    const { key } = await api.newApiKey('Till', ['till']);
    expect((await api.call('GET', '/api/v1/members/search?q=rusu', { token: key })).status).toBe(403);
  });

  it('shows a member’s page: card, balance, lifetime figures, consent, chats, notifications, tickets', async () => {
    const ion = (await search('ciobanu')).body.members[0]!;
    const page = await api.call<Profile>('GET', `/api/v1/members/${ion.id}/profile`);
    expect(page.status).toBe(200);
    expect(page.body.member).toMatchObject({ name: 'Ion Ciobanu', cardNumber: ion.cardNumber, balance: 100 });
    expect(page.body.member.phone).toBe('•••• 0004');
    expect(page.body.lifetime).toEqual({ spend: 0, earned: 0, purchases: 0 });
    expect(page.body.consent.version).toEqual(expect.any(String));
    expect(page.body.chats).toEqual([]);
    expect(page.body.notifications).toContainEqual({ topic: 'birthday', on: true });
    expect(page.body.tickets).toEqual({ open: 0, taken: 0, resolved: 0, recent: [] });
  });

  it('lists purchases newest first with their refunds, paged', async () => {
    const member = await api.enrol('+37369400010', { name: 'Vasile Lupu' });
    const { key } = await api.newApiKey('Till 2');
    const ids: string[] = [];
    for (const receipt of ['r1', 'r2', 'r3']) {
      const bought = await api.call<{ purchaseId: string }>('POST', '/api/v1/purchases', {
        token: key,
        body: { member: { card: member.cardNumber }, amount: 10_000, receiptId: `${provider}-${receipt}` },
      });
      ids.push(bought.body.purchaseId);
    }
    await api.call('POST', `/api/v1/purchases/${ids[0]}/refund`, { token: key });
    const first = await api.call<{ purchases: { id: string; refundedAt: string | null }[]; next: string }>(
      'GET',
      `/api/v1/members/${member.id}/purchases?limit=2`,
    );
    const second = await api.call<{ purchases: { id: string; refundedAt: string | null }[]; next: string | null }>(
      'GET',
      `/api/v1/members/${member.id}/purchases?limit=2&cursor=${first.body.next}`,
    );
    const listed = [...first.body.purchases, ...second.body.purchases];
    expect(listed.map((p) => p.id)).toEqual([...ids].reverse());
    expect(listed.find((p) => p.id === ids[0])!.refundedAt).toEqual(expect.any(String));
    expect(second.body.next).toBeNull();
  });

  it('names in each result the tier the current rules give, as the member’s page does', async () => {
    const member = await api.enrol('+37369400020', { name: 'Gheorghe Silvestru' });
    const { key } = await api.newApiKey('Till 3');
    await api.call('POST', '/api/v1/purchases', {
      token: key,
      body: { member: { card: member.cardNumber }, amount: 600_000, receiptId: `${provider}-silver` },
    });
    const [found] = (await search('silvestru')).body.members as (Listing & { tier: string })[];
    const page = await api.call<Profile & { currency: string }>('GET', `/api/v1/members/${member.id}/profile`);
    expect(found!.tier).toBe('silver');
    expect(page.body.member.tier).toBe('silver');
    expect(page.body.currency).toBe('MDL');
    const [newcomer] = (await search('ciobanu')).body.members as (Listing & { tier: string })[];
    expect(newcomer!.tier).toBe('bronze');
  });

  it('answers 404 for a member that does not exist', async () => {
    for (const path of ['profile', 'purchases']) {
      const response = await api.call('GET', `/api/v1/members/nobody/${path}`);
      expect(response.status, path).toBe(404);
      expect(response.body.type).toBe('/api/problems/member-not-found');
    }
  });
});
