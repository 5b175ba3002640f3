-- The schedule looks every few minutes for leavers whose 30 days have passed. Without an index that
-- was a scan of every personal account (1.5 million nationally, seconds of work each time).
CREATE INDEX ix_account_leaver_since ON personal_account (leaver_since);
