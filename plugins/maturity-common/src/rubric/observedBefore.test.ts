import { withinDays } from './checks/ruleHelpers';
import { observedBefore } from './observedBefore';

const DAY_MS = 86_400_000;
const limitMs = Date.parse('2026-11-20T12:00:00.000Z');

/** The definition: before the limit when parsed, or unreadable. */
const parsedBefore = (time: string, limit = limitMs) =>
  !(Date.parse(time) >= limit);

describe('observedBefore', () => {
  it.each`
    time                               | before
    ${'2026-11-20T12:00:00.000Z'}      | ${false}
    ${'2026-11-20T11:59:59.999Z'}      | ${true}
    ${'2026-11-20T12:00:00.001Z'}      | ${false}
    ${'2026-11-20T11:59:59Z'}          | ${true}
    ${'2026-11-20T12:00:00Z'}          | ${false}
    ${'2026-11-20T13:00:00.000+02:00'} | ${true}
    ${'2026-11-20T14:00:00.000+02:00'} | ${false}
    ${'+010000-01-01T00:00:00.000Z'}   | ${false}
    ${'-000001-01-01T00:00:00.000Z'}   | ${true}
    ${'0999-01-01T00:00:00.000Z'}      | ${true}
    ${'not a date'}                    | ${true}
    ${''}                              | ${true}
    ${'2026-11-20T12:00:00.000Zjunk'}  | ${true}
    ${'2026-13-45T12:00:00.000Z'}      | ${true}
    ${'2026-00-10T12:00:00.000Z'}      | ${true}
    ${'2026-11-00T12:00:00.000Z'}      | ${true}
    ${'2026-11-31T12:00:00.000Z'}      | ${false}
    ${'2027-02-29T12:00:00.000Z'}      | ${false}
    ${'2028-02-29T12:00:00.000Z'}      | ${false}
    ${'2026-11-20T24:00:00.000Z'}      | ${false}
    ${'2026-11-21T00:00:00.000Z'}      | ${false}
    ${'2026-11-20T23:60:00.000Z'}      | ${true}
    ${'2026-11-20T23:59:60.000Z'}      | ${true}
  `('$time is before the limit: $before', ({ time, before }) => {
    expect(observedBefore(limitMs)(time)).toBe(before);
    expect(parsedBefore(time)).toBe(before);
  });

  it('parses a time spelled as toISOString does that names no real day or hour', () => {
    // Date.parse rolls these over to the next day; as text they sort before it.
    for (const [time, limit] of [
      ['2026-11-20T24:00:00.000Z', '2026-11-21T00:00:00.000Z'],
      ['2026-11-31T12:00:00.000Z', '2026-12-01T00:00:00.000Z'],
      ['2027-02-29T12:00:00.000Z', '2027-03-01T00:00:00.000Z'],
    ]) {
      expect(observedBefore(Date.parse(limit))(time)).toBe(false);
    }
    // A real leap day is compared as text.
    expect(
      observedBefore(Date.parse('2028-03-01T00:00:00.000Z'))(
        '2028-02-29T12:00:00.000Z',
      ),
    ).toBe(true);
  });

  it('agrees with parsing at and around any limit, fractional ones included', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2_000; i++) {
      const limit = limitMs + (random() - 0.5) * 400 * DAY_MS;
      const fractional = i % 2 === 0 ? limit : Math.round(limit);
      const before = observedBefore(fractional);
      for (const offset of [-1, -0.5, 0, 0.5, 1, 1000]) {
        const time = new Date(Math.round(fractional + offset)).toISOString();
        expect(before(time)).toBe(parsedBefore(time, fractional));
      }
    }
  });

  it('parses every time when the limit has no four-digit year, or none at all', () => {
    const far = observedBefore(1e16); // year 318857
    expect(far('2026-11-20T12:00:00.000Z')).toBe(true);
    const beyond = observedBefore(1e17); // beyond the dates JavaScript has
    expect(beyond('2026-11-20T12:00:00.000Z')).toBe(true);
    expect(observedBefore(-Infinity)('2026-11-20T12:00:00.000Z')).toBe(false);
    expect(observedBefore(Number.NaN)('2026-11-20T12:00:00.000Z')).toBe(true);
  });
});

describe('withinDays', () => {
  const now = new Date('2026-11-21T12:00:00.000Z');
  const ageDays = (iso: string) => (now.getTime() - Date.parse(iso)) / DAY_MS;

  it('is what comparing the age in days says, for every window a check uses', () => {
    for (const days of [0, 0.5, 1, 7, 30, 90, 1e-9, 10_000]) {
      const limit = now.getTime() - days * DAY_MS;
      for (const offset of [-86_400_001, -1, 0, 1, 3_600_000]) {
        const iso = new Date(limit + offset).toISOString();
        expect(withinDays(now, iso, days)).toBe(ageDays(iso) <= days);
      }
    }
  });

  it('is false for an unreadable time and follows a new now at once', () => {
    expect(withinDays(now, 'not a date', 30)).toBe(false);
    const iso = '2026-11-01T12:00:00.000Z';
    expect(withinDays(now, iso, 30)).toBe(true);
    const later = new Date('2026-12-21T12:00:00.000Z');
    expect(withinDays(later, iso, 30)).toBe(false);
    expect(withinDays(now, iso, 30)).toBe(true);
  });
});
