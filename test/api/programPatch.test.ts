// PATCH /api/v1/program merges a JSON Merge Patch (RFC 7396) into the rules in
// force; PUT replaces the whole document. Both answer with the rules as they
// now stand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultProgramRules } from '../../core/program/programRules.ts';
import { startApiTestApp, type ApiTestApp } from './support/apiTestApp.ts';

type Rules = typeof defaultProgramRules;

let api: ApiTestApp;

beforeAll(async () => {
  api = await startApiTestApp();
});

afterAll(async () => {
  await api.stop();
});

const MERGE_PATCH = { 'content-type': 'application/merge-patch+json' };
const patch = (body: unknown, headers: Record<string, string> = MERGE_PATCH) =>
  api.call<Rules & { errors?: { pointer: string }[] }>('PATCH', '/api/v1/program', { body, headers });
const rulesInForce = async () => (await api.call<Rules>('GET', '/api/v1/program')).body;
const custom: Rules = {
  ...defaultProgramRules,
  welcomeBonus: 150,
  maxRedeemPercent: 30,
  referral: { ...defaultProgramRules.referral, referrerBonus: 500 },
};

beforeEach(async () => {
  expect((await api.call('PUT', '/api/v1/program', { body: custom })).status).toBe(200);
});

describe('PATCH /api/v1/program', () => {
  it('changes only the rule it names, and answers the rules as they now stand', async () => {
    const response = await patch({ birthdayBonus: 250 });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...custom, birthdayBonus: 250 });
    expect(await rulesInForce()).toEqual({ ...custom, birthdayBonus: 250 });
  });

  it('merges a nested object field by field and puts a rule back to its default with null', async () => {
    const response = await patch({ referral: { friendBonus: 40 }, welcomeBonus: null });

    expect(response.body).toEqual({
      ...custom,
      welcomeBonus: defaultProgramRules.welcomeBonus,
      referral: { ...custom.referral, friendBonus: 40 },
    });
  });

  it('refuses a patch whose result breaks the rules’ schema, and changes nothing', async () => {
    const response = await patch({ maxRedeemPercent: 150, pointvalue: 5 });

    expect(response.status).toBe(400);
    expect(response.body.errors?.map((error) => error.pointer).sort()).toEqual(['', '/maxRedeemPercent'].sort());
    expect(await rulesInForce()).toEqual(custom);
  });

  it('refuses a body sent as plain JSON with 415, and changes nothing', async () => {
    const response = await patch({ birthdayBonus: 250 }, { 'content-type': 'application/json' });

    expect(response.status).toBe(415);
    expect(await rulesInForce()).toEqual(custom);
  });
});

describe('PUT /api/v1/program', () => {
  it('replaces the whole document: a rule left out takes its default', async () => {
    const response = await api.call<Rules>('PUT', '/api/v1/program', { body: { birthdayBonus: 250 } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...defaultProgramRules, birthdayBonus: 250 });
  });

  it('refuses a merge patch with 415', async () => {
    const response = await api.call('PUT', '/api/v1/program', { body: { birthdayBonus: 250 }, headers: MERGE_PATCH });

    expect(response.status).toBe(415);
    expect(await rulesInForce()).toEqual(custom);
  });
});
