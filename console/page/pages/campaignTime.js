// A campaign is sent on the shop's clock, not the reader's: "10:00" means
// ten in the morning where the members are, wherever the marketer sits. The
// page learns the programme's zone from the console's page (a meta tag the
// server writes); datetime-local inputs show and take wall-clock times there.
import { language } from '../i18n.js';

/** The programme's IANA zone; the reader's own if the page does not say. */
export function programZone() {
  const given = document.querySelector('meta[name="program-timezone"]')?.getAttribute('content');
  return given || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An instant as the programme's wall clock shows it, to the minute: a datetime-local value. */
export function zoneInputValue(iso, zone = programZone()) {
  const at = wallClock(new Date(iso), zone);
  const two = (n) => String(n).padStart(2, '0');
  return `${at.year}-${two(at.month)}-${two(at.day)}T${two(at.hour)}:${two(at.minute)}`;
}

/** A datetime-local value read on the programme's wall clock, as an ISO instant; null when empty or unreadable. */
export function isoFromZone(value, zone = programZone()) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset is asked for twice: a time just past a clock change has the offset after it.
  const first = asUtc - offsetAt(asUtc, zone);
  return new Date(asUtc - offsetAt(first, zone)).toISOString();
}

/** An instant in words, on the programme's clock. */
export function zoneTimeText(iso, zone = programZone()) {
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(
    new Date(iso),
  );
}

/** A <time> element for an instant, worded on the programme's clock. */
export function zoneTimeNode(iso) {
  const node = document.createElement('time');
  node.dateTime = iso;
  node.textContent = zoneTimeText(iso);
  return node;
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in milliseconds. */
function offsetAt(ms, zone) {
  const at = wallClock(new Date(ms), zone);
  const shown = Date.UTC(at.year, at.month - 1, at.day, at.hour, at.minute, at.second);
  return shown - (ms - (((ms % 1000) + 1000) % 1000));
}

function wallClock(date, zone) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts = format.formatToParts(date).filter((part) => part.type !== 'literal');
  return Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]));
}
