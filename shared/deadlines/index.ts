// The deadline engine: holiday calendars, business days, rules, schedules of chained deadlines, reminders.
// Pure functions over plain values; runs in the core and in the renderer alike.
export * from './calendar-date.js';
export * from './zoned-time.js';
export * from './holidays.js';
export * from './calendars/index.js';
export * from './working-calendar.js';
export * from './rules.js';
export * from './types.js';
export * from './schedule.js';
export * from './preview.js';
export * from './reminders.js';
