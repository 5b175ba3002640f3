-- The dispatcher retries a failed event after a backoff; until then later events of the same mailbox wait.
ALTER TABLE provisioning_event ADD next_attempt_at DATETIME(6);
