import { describe, expect, it } from 'vitest';
import { currentZoneName, timeZoneChoices } from './time-zones.ts';

describe('time zone choices', () => {
  const zones = timeZoneChoices();

  it('offers IANA’s current names and UTC, not CLDR’s old ids', () => {
    for (const zone of [
      'Asia/Kolkata',
      'Asia/Ho_Chi_Minh',
      'Asia/Kathmandu',
      'Asia/Yangon',
      'Europe/Kyiv',
      'UTC',
    ]) {
      expect(zones).toContain(zone);
    }
    for (const old of [
      'Asia/Calcutta',
      'Asia/Saigon',
      'Asia/Katmandu',
      'Asia/Rangoon',
      'Europe/Kiev',
    ]) {
      expect(zones).not.toContain(old);
    }
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('only offers zones the runtime knows', () => {
    for (const zone of zones) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    }
  });

  it('shows a stored old id under its current name, and keeps an unknown stored zone', () => {
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Etc/UTC')).toBe('UTC');
    expect(currentZoneName('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(timeZoneChoices('Asia/Calcutta')).toEqual(zones);
  });
});
