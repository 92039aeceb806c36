// Pictures people send in Viber, downloaded from the stand-in's media server
// over loopback as from Viber's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viberPhotoSource } from '../../../bots/viber/viberPhotos.ts';
import { startFakeViberApi, type FakeViberApi } from '../../support/fakeViberApi.ts';

describe('the Viber photo source', () => {
  let fake: FakeViberApi;

  beforeAll(async () => {
    fake = await startFakeViberApi();
  });

  afterAll(async () => {
    await fake?.close();
  });

  it('reads a picture whole from the URL Viber gives', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    expect(Buffer.from(await viberPhotoSource()(fake.hostMedia(bytes)))).toEqual(bytes);
  });

  it('stops at 20 MB, so a huge file never fills the memory', async () => {
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1);
    await expect(viberPhotoSource()(fake.hostMedia(huge))).rejects.toThrow(/larger than 20971520 bytes/);
  });

  it('says so when the media server no longer has the picture', async () => {
    const gone = fake.hostMedia(Buffer.from('x')).replace(/\/[^/]+$/, '/other.jpg');
    await expect(viberPhotoSource()(gone)).rejects.toThrow(/answered 404/);
  });
});
