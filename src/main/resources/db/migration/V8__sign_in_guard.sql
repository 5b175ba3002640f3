-- Sign-in throttling and lockout per account, and each person's last sign-in (shown on their home page).
-- failed_sign_ins counts failures since the last success; not_before is when the next attempt may be
-- checked (a growing delay, then a lock); the national team's unlock clears both.
ALTER TABLE portal_user ADD COLUMN failed_sign_ins INT DEFAULT 0 NOT NULL;
ALTER TABLE portal_user ADD COLUMN not_before DATETIME(6);
ALTER TABLE portal_user ADD COLUMN last_sign_in_at DATETIME(6);
ALTER TABLE portal_user ADD COLUMN last_sign_in_from VARCHAR(64);
