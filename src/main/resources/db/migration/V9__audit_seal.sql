-- A tamper-evident audit trail. Each event carries a MAC when it is written (HMAC-SHA256 with a key
-- kept off the database), and is then sealed into a hash chain, shortly after commit, in seal order.
-- Events written before this migration have no MAC; audit_seal_state says where MACs begin.
ALTER TABLE audit_event ADD COLUMN mac VARCHAR(64);
CREATE TABLE audit_seal (
    seal_no    BIGINT      NOT NULL PRIMARY KEY,
    event_id   BIGINT      NOT NULL,
    hash       VARCHAR(64) NOT NULL,
    sealed_at  DATETIME(6) NOT NULL,
    CONSTRAINT uq_audit_seal_event UNIQUE (event_id)
);
CREATE TABLE audit_seal_state (
    state_key    VARCHAR(40) NOT NULL PRIMARY KEY,
    state_value  BIGINT      NOT NULL
);
INSERT INTO audit_seal_state (state_key, state_value) SELECT 'mac_from_event', COALESCE(MAX(id), 0) + 1 FROM audit_event;
