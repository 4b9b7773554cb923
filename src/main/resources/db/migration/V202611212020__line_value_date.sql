-- The day the rail executes a line: today before the rail's cut-off on a business day of its calendar, else the
-- next business day (config/calendars/rail-cutoffs.csv). Set when the line is built; sent to the bank with it.
ALTER TABLE payout_batch_lines ADD COLUMN value_date date;
