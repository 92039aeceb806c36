import { z } from 'zod';
import { acceptPicture, MAX_PICTURE_BYTES } from '../../core/media/acceptPicture.ts';
import { pictureUrl } from '../../core/media/pictureUrl.ts';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { ApiProblem } from '../problem.ts';

/**
 * A campaign's picture reaches every recipient, and Viber takes pictures
 * only as JPEG or PNG and small: 1,600 pixels at most, as JPEG, is sharp on a
 * phone and a few hundred kilobytes.
 */
const CAMPAIGN_PICTURE = { maxSide: 1600, types: ['image/jpeg'] } as const;

const pictureSchema = z.object({
  id: z.string().meta({ description: 'The picture’s random id.' }),
  url: z.url().meta({ description: 'Its public address under PUBLIC_URL: give it as a campaign’s `imageUrl`.' }),
  type: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  width: z.number().int(),
  height: z.number().int(),
});

/** Pictures uploaded from the console, cleaned of metadata and kept for messengers to fetch. */
export function pictureRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    defineRoute({
      tag: 'Pictures',
      access: 'campaigns',
      method: 'POST',
      path: '/api/v1/pictures',
      operationId: 'uploadPicture',
      body: z.instanceof(Uint8Array),
      rawBody: { types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: MAX_PICTURE_BYTES },
      summary: 'Upload a picture for a campaign',
      description:
        'The body is the file: a JPEG, PNG or WebP of at most 10 MB, told by its bytes, not its name. It is turned upright, scaled to 1,600 pixels at most, stripped of all metadata (EXIF with GPS positions, XMP, ICC profile) and kept as a JPEG. The answer’s `url`, under PUBLIC_URL (which must be https, since messengers fetch the picture there), is what a campaign’s `imageUrl` takes.',
      responses: { 201: { description: 'Kept; publicly readable at `url`.', schema: pictureSchema } },
      problems: ['not-a-picture', 'public-url-unset'],
      handle: async ({ body }) => {
        const publicUrl = deps.publicUrl;
        if (!publicUrl?.startsWith('https://'))
          throw new ApiProblem(
            'public-url-unset',
            'Set PUBLIC_URL to the https address this server is reached at: Viber and Telegram fetch campaign pictures from there.',
          );
        const outcome = await acceptPicture(deps.pictures, body, CAMPAIGN_PICTURE);
        if (outcome.kind === 'notAPicture')
          throw new ApiProblem('not-a-picture', 'Send a JPEG, PNG or WebP picture; this file is none of them.');
        if (outcome.kind === 'tooLarge')
          throw new ApiProblem('payload-too-large', `Send a picture of at most ${MAX_PICTURE_BYTES} bytes.`);
        const { id, type, width, height } = outcome;
        return { status: 201, body: { id, url: pictureUrl(publicUrl, id), type, width, height } };
      },
    }),
  ];
}
