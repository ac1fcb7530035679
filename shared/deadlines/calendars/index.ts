// The holiday calendars Parley ships; a case names one of them by id.
import type { HolidayCalendar } from '../holidays.js';
import { US_FEDERAL, US_FEDERAL_WASHINGTON_DC_AREA } from './us-federal.js';

export { US_FEDERAL, US_FEDERAL_WASHINGTON_DC_AREA };

export const HOLIDAY_CALENDARS: readonly HolidayCalendar[] = [US_FEDERAL, US_FEDERAL_WASHINGTON_DC_AREA];

export const DEFAULT_HOLIDAY_CALENDAR_ID = US_FEDERAL.id;

export function holidayCalendarById(id: string): HolidayCalendar | undefined {
  return HOLIDAY_CALENDARS.find((calendar) => calendar.id === id);
}
