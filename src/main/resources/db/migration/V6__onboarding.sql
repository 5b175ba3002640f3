-- National onboarding: phases by area, registration requests (single form or spreadsheet upload),
-- NUMSAS providers, and the premises' phase (derived from its area; recomputed when phases change).
INSERT INTO id_generator (name, next_value) VALUES ('phase', 100);
INSERT INTO id_generator (name, next_value) VALUES ('registration_request', 0);
INSERT INTO id_generator (name, next_value) VALUES ('registration_upload', 0);

CREATE TABLE phase (
    id          BIGINT       NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT uq_phase_name UNIQUE (name)
);

-- An area of a phase, by name (the plan names areas before they exist in the portal); area_id is
-- filled in when an area of that name exists.
CREATE TABLE phase_area (
    phase_id    BIGINT       NOT NULL,
    area_name   VARCHAR(200) NOT NULL,
    area_id     BIGINT,
    PRIMARY KEY (phase_id, area_name),
    CONSTRAINT fk_phase_area_phase FOREIGN KEY (phase_id) REFERENCES phase (id),
    CONSTRAINT fk_phase_area_area FOREIGN KEY (area_id) REFERENCES organisation (id)
);

ALTER TABLE organisation ADD COLUMN numsas BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE organisation ADD COLUMN phase_id BIGINT;
ALTER TABLE organisation ADD CONSTRAINT fk_organisation_phase FOREIGN KEY (phase_id) REFERENCES phase (id);
CREATE INDEX ix_organisation_phase ON organisation (phase_id, kind);

-- The 2016-17 plan from the national guidance; the national team edits it in the portal.
INSERT INTO phase (id, name, starts_on, ends_on, version) VALUES (1, 'Phase 1', '2016-12-01', '2017-01-31', 0);
INSERT INTO phase (id, name, starts_on, ends_on, version) VALUES (2, 'Phase 2', '2017-01-01', '2017-02-28', 0);
INSERT INTO phase (id, name, starts_on, ends_on, version) VALUES (3, 'Phase 3', '2017-02-01', '2017-03-31', 0);
INSERT INTO phase (id, name, starts_on, ends_on, version) VALUES (4, 'Phase 4', '2017-03-01', '2017-03-31', 0);
INSERT INTO phase_area (phase_id, area_name) VALUES (1, 'Brighton & Hove CCG');
INSERT INTO phase_area (phase_id, area_name) VALUES (1, 'Guildford & Waverley CCG');
INSERT INTO phase_area (phase_id, area_name) VALUES (1, 'Blackpool CCG');
INSERT INTO phase_area (phase_id, area_name) VALUES (1, 'Fylde & Wyre CCG');
INSERT INTO phase_area (phase_id, area_name) VALUES (1, 'Nottingham City CCG');
INSERT INTO phase_area (phase_id, area_name) VALUES (1, 'Peterborough & Cambridgeshire CCG');
INSERT INTO phase_area (phase_id, area_name) VALUES (2, 'East of England');
INSERT INTO phase_area (phase_id, area_name) VALUES (2, 'Lancashire and Manchester');
INSERT INTO phase_area (phase_id, area_name) VALUES (2, 'Cheshire and Merseyside');
INSERT INTO phase_area (phase_id, area_name) VALUES (2, 'Cumbria and North East');
INSERT INTO phase_area (phase_id, area_name) VALUES (3, 'South East Coast');
INSERT INTO phase_area (phase_id, area_name) VALUES (3, 'Central Midlands');
INSERT INTO phase_area (phase_id, area_name) VALUES (3, 'West Midlands');
INSERT INTO phase_area (phase_id, area_name) VALUES (3, 'East Midlands');
INSERT INTO phase_area (phase_id, area_name) VALUES (3, 'South West');
INSERT INTO phase_area (phase_id, area_name) VALUES (3, 'Wessex');
INSERT INTO phase_area (phase_id, area_name) VALUES (4, 'London');
INSERT INTO phase_area (phase_id, area_name) VALUES (4, 'Yorkshire & Humber');
INSERT INTO phase_area (phase_id, area_name) VALUES (4, 'South Central');

-- One spreadsheet upload; its file is kept so a job interrupted by a restart resumes from processed_rows.
CREATE TABLE registration_upload (
    id              BIGINT        NOT NULL PRIMARY KEY,
    file_name       VARCHAR(255)  NOT NULL,
    file_sha256     VARCHAR(64)   NOT NULL,
    content         LONGBLOB      NOT NULL,
    uploaded_by     VARCHAR(254)  NOT NULL,
    uploaded_at     DATETIME(6)   NOT NULL,
    total_rows      INT           NOT NULL,
    processed_rows  INT           NOT NULL,
    accepted_rows   INT           NOT NULL,
    rejected_rows   INT           NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    finished_at     DATETIME(6),
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_registration_upload UNIQUE (uploaded_by, file_sha256)
);

CREATE TABLE registration_request (
    id              BIGINT        NOT NULL PRIMARY KEY,
    trading_name    VARCHAR(200)  NOT NULL,
    owner_name      VARCHAR(200)  NOT NULL,
    address         VARCHAR(300)  NOT NULL,
    postcode        VARCHAR(8)    NOT NULL,
    ods_code        VARCHAR(10)   NOT NULL,
    telephone       VARCHAR(20)   NOT NULL,
    current_email   VARCHAR(254)  NOT NULL,
    received_at     DATETIME(6)   NOT NULL,
    submitted_by    VARCHAR(254)  NOT NULL,
    contractor_id   BIGINT,
    premises_id     BIGINT,
    area_id         BIGINT,
    numsas          BOOLEAN       NOT NULL,
    upload_id       BIGINT,
    row_no          INT,
    state           VARCHAR(20)   NOT NULL,
    -- the ODS code while the request is open or approved, null once rejected: one live request per premises
    live_ods        VARCHAR(10),
    decided_by      VARCHAR(254),
    decided_at      DATETIME(6),
    decision_reason VARCHAR(500),
    mailbox_id      BIGINT,
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_registration_live_ods UNIQUE (live_ods),
    CONSTRAINT uq_registration_upload_row UNIQUE (upload_id, row_no),
    CONSTRAINT fk_registration_contractor FOREIGN KEY (contractor_id) REFERENCES organisation (id),
    CONSTRAINT fk_registration_premises FOREIGN KEY (premises_id) REFERENCES organisation (id),
    CONSTRAINT fk_registration_area FOREIGN KEY (area_id) REFERENCES organisation (id),
    CONSTRAINT fk_registration_upload FOREIGN KEY (upload_id) REFERENCES registration_upload (id),
    CONSTRAINT fk_registration_mailbox FOREIGN KEY (mailbox_id) REFERENCES shared_mailbox (id)
);
CREATE INDEX ix_registration_ods ON registration_request (ods_code, received_at);
CREATE INDEX ix_registration_queue ON registration_request (state, numsas, received_at);
CREATE INDEX ix_registration_submitter ON registration_request (submitted_by, received_at);
CREATE INDEX ix_registration_area ON registration_request (area_id, state);

-- Rows of an upload that were refused, with why; kept as the upload's record.
CREATE TABLE registration_rejection (
    upload_id       BIGINT        NOT NULL,
    row_no          INT           NOT NULL,
    ods_code        VARCHAR(40),
    reason          VARCHAR(500)  NOT NULL,
    PRIMARY KEY (upload_id, row_no),
    CONSTRAINT fk_rejection_upload FOREIGN KEY (upload_id) REFERENCES registration_upload (id)
);
