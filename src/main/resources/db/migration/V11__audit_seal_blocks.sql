-- The audit chain seals a block of events per link, not one event per link: each sealing run adds
-- one row that names the events it covers (ranges of ids, "101-350,352"), hashed in id order. A
-- link per event doubled the audit writes of every grant and cost 17 % of the grant/revoke rate.
-- The links written so far become blocks of one event; their hashes stay valid, since a block's
-- hash over one event is the old link's hash.
CREATE TABLE audit_seal_block (
    seal_no         BIGINT        NOT NULL PRIMARY KEY,
    first_event_id  BIGINT        NOT NULL,
    last_event_id   BIGINT        NOT NULL,
    event_ids       VARCHAR(4000) NOT NULL,
    event_count     INT           NOT NULL,
    hash            VARCHAR(64)   NOT NULL,
    sealed_at       DATETIME(6)   NOT NULL
);
CREATE INDEX ix_audit_seal_block_last ON audit_seal_block (last_event_id);
INSERT INTO audit_seal_block (seal_no, first_event_id, last_event_id, event_ids, event_count, hash, sealed_at)
    SELECT seal_no, event_id, event_id, CONCAT(event_id, ''), 1, hash, sealed_at FROM audit_seal;
DROP TABLE audit_seal;
