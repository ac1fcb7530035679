-- Deadlines computed by the core: each case names its holiday calendar and lists its own closure dates (both on
-- the directive, the case's one settings record), and each deadline keeps which of its reminders were snoozed or
-- dismissed, so that the reminder center and desktop notifications agree across restarts.
ALTER TABLE directive ADD COLUMN holiday_calendar_id TEXT CHECK (holiday_calendar_id IS NULL OR length(holiday_calendar_id) BETWEEN 1 AND 100);
ALTER TABLE directive ADD COLUMN closures TEXT CHECK (closures IS NULL OR json_valid(closures));
ALTER TABLE deadline ADD COLUMN reminder_state TEXT CHECK (reminder_state IS NULL OR json_valid(reminder_state));
