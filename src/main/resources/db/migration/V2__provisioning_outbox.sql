-- The provisioning outbox: what must change on the mail platform, written in the same transaction
-- as the change it comes from. A connector (a later issue) consumes it in order per mailbox.
INSERT INTO id_generator (name, next_value) VALUES ('provisioning_event', 0);

CREATE TABLE provisioning_event (
    id              BIGINT       NOT NULL PRIMARY KEY,
    mailbox_id      BIGINT       NOT NULL,
    mailbox_address VARCHAR(254) NOT NULL,
    account_address VARCHAR(254),
    kind            VARCHAR(30)  NOT NULL,
    rights          VARCHAR(100),
    state           VARCHAR(20)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    created_by      VARCHAR(254) NOT NULL,
    applied_at      DATETIME(6),
    attempts        INT          NOT NULL,
    last_error      VARCHAR(1000),
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_provisioning_mailbox FOREIGN KEY (mailbox_id) REFERENCES shared_mailbox (id)
);
CREATE INDEX ix_provisioning_state ON provisioning_event (state, id);
CREATE INDEX ix_provisioning_mailbox ON provisioning_event (mailbox_id, id);

-- A person's history on their account page: audit events are labelled with the account address.
CREATE INDEX ix_audit_label ON audit_event (target_label, occurred_at);
