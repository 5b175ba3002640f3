-- Access reviews. A campaign covers areas, contractors or premises (review_campaign_scope); when it
-- starts, every live access to a premises mailbox in its scope becomes a line (review_line, keyed by
-- campaign and delegation, so starting twice adds nothing). A line goes to the premises' owners, or
-- to the LOA where the premises has no owner or the access is an owner's own. Decisions apply through
-- the mailbox service; at the deadline the campaign's rule settles what nobody reviewed.
INSERT INTO id_generator (name, next_value) VALUES ('review_campaign', 0);

CREATE TABLE review_campaign (
    id            BIGINT       NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    starts_on     DATE         NOT NULL,
    deadline      DATE         NOT NULL,
    at_deadline   VARCHAR(20)  NOT NULL,
    recur_months  INT,
    state         VARCHAR(20)  NOT NULL,
    lines_total   BIGINT       NOT NULL,
    closed_at     DATETIME(6),
    previous_id   BIGINT,
    version       BIGINT       NOT NULL
);
CREATE INDEX ix_review_campaign_state ON review_campaign (state, starts_on);

CREATE TABLE review_campaign_scope (
    campaign_id     BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, organisation_id),
    CONSTRAINT fk_review_scope_campaign FOREIGN KEY (campaign_id) REFERENCES review_campaign (id),
    CONSTRAINT fk_review_scope_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

CREATE TABLE review_line (
    campaign_id     BIGINT       NOT NULL,
    delegation_id   BIGINT       NOT NULL,
    premises_id     BIGINT       NOT NULL,
    account_id      BIGINT       NOT NULL,
    reviewer        VARCHAR(10)  NOT NULL,
    decision        VARCHAR(20),
    decision_reason VARCHAR(500),
    decided_by      VARCHAR(254),
    decided_for     VARCHAR(254),
    decided_at      DATETIME(6),
    version         BIGINT       NOT NULL,
    PRIMARY KEY (campaign_id, delegation_id),
    CONSTRAINT fk_review_line_campaign FOREIGN KEY (campaign_id) REFERENCES review_campaign (id),
    CONSTRAINT fk_review_line_delegation FOREIGN KEY (delegation_id) REFERENCES delegation (id)
);
CREATE INDEX ix_review_line_premises ON review_line (campaign_id, premises_id, decision);
CREATE INDEX ix_review_line_pending ON review_line (campaign_id, decision);

-- When each person last signed in to the mail platform, as its adapter reports it (Dovecot's
-- last_login plugin on the reference platform); imported periodically, read by the reviewer's worklist.
CREATE TABLE mail_sign_in (
    address      VARCHAR(254) NOT NULL PRIMARY KEY,
    last_sign_in DATETIME(6)  NOT NULL
);
