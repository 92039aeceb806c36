// A contest as a marketer's script writes it through the REST API.
import sharp from 'sharp';

const HOUR = 3_600_000;

/** Drawings of winter: the windows around `at` (submissions until +1 h, voting from +1 h to +3 h by default). */
export function contestBody(at: Date, overrides: Record<string, unknown> = {}) {
  const iso = (offset: number) => new Date(at.getTime() + offset).toISOString();
  return {
    title: { ru: 'Зимний рисунок', ro: 'Desenul de iarnă', en: 'Winter drawing' },
    rules: { en: 'One drawing of winter per family.' },
    submissionsOpenAt: iso(-HOUR),
    submissionsCloseAt: iso(HOUR),
    votingOpensAt: iso(HOUR),
    votingClosesAt: iso(3 * HOUR),
    votesPerMember: 2,
    prizes: [
      { name: { en: 'A family breakfast', ru: 'Семейный завтрак' }, count: 1 },
      { name: { en: '300 points' }, count: 1, points: 300 },
    ],
    showAuthorNames: true,
    ...overrides,
  };
}

export const CONTEST_HOUR = HOUR;

/** A phone photo with its GPS position and camera written into it, as members send them. */
export function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '28/1 51/1 0/1' },
    })
    .toBuffer();
}
