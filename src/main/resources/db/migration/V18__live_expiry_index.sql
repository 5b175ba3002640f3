-- The expiry sweep, the expiring-access page and the reminders look for live access (not revoked)
-- whose end date falls in a range. With only ix_delegation_expiry (expires_at), every grant that ever
-- expired (and was revoked) stays in that range for good, and each sweep read all of them: 220,000
-- index entries for a batch of 500 after a benchmark run, more with every year of history. Live
-- access first, then its end date: the revoked history is not read at all.
CREATE INDEX ix_delegation_live_expiry ON delegation (revoked_at, expires_at);
