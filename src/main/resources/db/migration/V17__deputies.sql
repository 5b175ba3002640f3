-- Deputies for an LOA on leave. While an appointment runs (starts_at <= now < ends_at, not ended
-- early), the deputy's scope includes the delegated part of the absent LOA's scope: all of it when
-- deputy_appointment_scope has no rows for the appointment, else those organisations. What a deputy
-- does there is audited with the absent LOA in audit_event.acting_for.
INSERT INTO id_generator (name, next_value) VALUES ('deputy_appointment', 0);

CREATE TABLE deputy_appointment (
    id               BIGINT        NOT NULL PRIMARY KEY,
    absent_username  VARCHAR(254)  NOT NULL,
    deputy_username  VARCHAR(254)  NOT NULL,
    starts_at        DATETIME(6)   NOT NULL,
    ends_at          DATETIME(6)   NOT NULL,
    reason           VARCHAR(2000) NOT NULL,
    appointed_by     VARCHAR(254)  NOT NULL,
    appointed_at     DATETIME(6)   NOT NULL,
    ended_at         DATETIME(6),
    ended_by         VARCHAR(254),
    version          BIGINT        NOT NULL
);
CREATE INDEX ix_deputy_appointment_deputy ON deputy_appointment (deputy_username, ends_at);
CREATE INDEX ix_deputy_appointment_absent ON deputy_appointment (absent_username, ends_at);
CREATE INDEX ix_deputy_appointment_ends ON deputy_appointment (ends_at);

CREATE TABLE deputy_appointment_scope (
    appointment_id  BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    PRIMARY KEY (appointment_id, organisation_id),
    CONSTRAINT fk_deputy_scope_appointment FOREIGN KEY (appointment_id) REFERENCES deputy_appointment (id),
    CONSTRAINT fk_deputy_scope_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

ALTER TABLE audit_event ADD COLUMN acting_for VARCHAR(254);
