-- Work that must happen once across the cluster, decided on the database every member shares.
-- A periodic job claims its period (last_period) with one conditional UPDATE: of the members
-- whose timers fire in that period, exactly one succeeds. A job that must not run twice at once
-- (the dispatcher, a bulk leaver file) holds the row until held_until and renews it as it goes;
-- if its member dies, the hold runs out and another member takes the work over.
CREATE TABLE cluster_lease (
    job          VARCHAR(80)  NOT NULL PRIMARY KEY,
    holder       VARCHAR(120),
    held_until   DATETIME(6),
    last_period  BIGINT       NOT NULL,
    runs         BIGINT       NOT NULL
);
