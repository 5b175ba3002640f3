package uk.nhs.pharmacy.portal.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain JDBC batch inserts for bulk loads (demo data, the national-scale generator). Keys are
 * reserved in blocks from id_generator with the same semantics as the JPA table generators,
 * so the portal and a bulk load never hand out the same id. Batches flush in foreign-key order.
 */
public final class BulkWriter implements AutoCloseable {

    private static final int ID_BLOCK = 1000;

    private final Connection connection;
    private final int batchSize;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    private final Map<String, long[]> idBlocks = new HashMap<>();
    private final boolean autoCommitBefore;
    private int pending;
    private long rowsWritten;

    private boolean auditWritten;

    public BulkWriter(Connection connection, int batchSize) throws SQLException {
        this.connection = connection;
        this.batchSize = batchSize;
        this.autoCommitBefore = connection.getAutoCommit();
        connection.setAutoCommit(false);
        // Insertion order of this map is the flush order: parents before children.
        prepare("organisation", "INSERT INTO organisation (id, ods_code, name, kind, address, postcode, telephone, "
                + "area_id, parent_id, version) VALUES (?,?,?,?,?,?,?,?,?,1)");
        prepare("personal_account", "INSERT INTO personal_account (id, address, first_name, last_name, job_role, "
                + "status, home_org_id, mobile_device, leaver_since, version) VALUES (?,?,?,?,?,?,?,?,?,1)");
        prepare("shared_mailbox", "INSERT INTO shared_mailbox (id, address, display_name, premises_id, status, "
                + "created_at, version) VALUES (?,?,?,?,?,?,1)");
        prepare("delegation", "INSERT INTO delegation (id, mailbox_id, account_id, full_access, send_as, "
                + "send_on_behalf, mailbox_owner, granted_by, granted_at, grant_reason, expires_at, revoked_by, "
                + "revoked_at, revoke_reason, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)");
        prepare("audit_event", "INSERT INTO audit_event (id, occurred_at, actor, action, target_type, target_id, "
                + "target_label, organisation_id, before_state, after_state, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        prepare("portal_user", "INSERT INTO portal_user (id, username, password_hash, display_name, role, enabled, "
                + "account_id, version) VALUES (?,?,?,?,?,TRUE,?,1)");
        prepare("user_scope", "INSERT INTO user_scope (user_id, organisation_id) VALUES (?,?)");
    }

    private void prepare(String table, String sql) throws SQLException {
        statements.put(table, connection.prepareStatement(sql));
    }

    /** The next key for a table, from a block reserved in id_generator. */
    public long nextId(String generator) throws SQLException {
        long[] block = idBlocks.get(generator);
        if (block == null || block[0] > block[1]) {
            block = reserve(generator, ID_BLOCK);
            idBlocks.put(generator, block);
        }
        return block[0]++;
    }

    private long[] reserve(String generator, int size) throws SQLException {
        return uk.nhs.pharmacy.portal.platform.IdBlock.reserve(connection, generator, size);
    }

    public long organisation(String odsCode, String name, String kind, String address, String postcode,
                             String telephone, Long areaId, Long parentId) throws SQLException {
        long id = nextId("organisation");
        add("organisation", id, odsCode, name, kind, address, postcode, telephone, areaId, parentId);
        return id;
    }

    public long account(String address, String firstName, String lastName, String jobRole, String status,
                        long homeOrganisationId, boolean mobileDevice, Instant leaverSince) throws SQLException {
        long id = nextId("personal_account");
        add("personal_account", id, address, firstName, lastName, jobRole, status, homeOrganisationId, mobileDevice,
                leaverSince);
        return id;
    }

    public long mailbox(String address, String displayName, long premisesId, String status, Instant createdAt)
            throws SQLException {
        long id = nextId("shared_mailbox");
        add("shared_mailbox", id, address, displayName, premisesId, status, createdAt);
        return id;
    }

    public long delegation(long mailboxId, long accountId, boolean fullAccess, boolean sendAs, boolean sendOnBehalf,
                           boolean owner, String grantedBy, Instant grantedAt, String reason, Instant expiresAt,
                           String revokedBy, Instant revokedAt, String revokeReason) throws SQLException {
        long id = nextId("delegation");
        add("delegation", id, mailboxId, accountId, fullAccess, sendAs, sendOnBehalf, owner, grantedBy, grantedAt,
                reason, expiresAt, revokedBy, revokedAt, revokeReason);
        return id;
    }

    public long audit(Instant at, String actor, String action, String targetType, Long targetId, String targetLabel,
                      Long organisationId, String before, String after, String reason) throws SQLException {
        long id = nextId("audit_event");
        auditWritten = true;
        add("audit_event", id, at, actor, action, targetType, targetId, targetLabel, organisationId, before, after, reason);
        return id;
    }

    public long user(String username, String passwordHash, String displayName, String role, Long accountId)
            throws SQLException {
        long id = nextId("portal_user");
        add("portal_user", id, username, passwordHash, displayName, role, accountId);
        return id;
    }

    public void scope(long userId, long organisationId) throws SQLException {
        add("user_scope", userId, organisationId);
    }

    private void add(String table, Object... values) throws SQLException {
        PreparedStatement statement = statements.get(table);
        for (int i = 0; i < values.length; i++) {
            bind(statement, i + 1, values[i]);
        }
        statement.addBatch();
        if (++pending >= batchSize) {
            flush();
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else {
            statement.setString(index, value.toString());
        }
    }

    public void flush() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.executeBatch();
        }
        rowsWritten += pending;
        pending = 0;
    }

    public void commit() throws SQLException {
        flush();
        if (auditWritten) {
            // Rows seeded in bulk are not signed (the seed has no audit key); the verifier accepts
            // unsigned rows below this point, and the seal chain protects them once sealed.
            try (PreparedStatement mark = connection.prepareStatement("UPDATE audit_seal_state SET state_value = "
                    + "GREATEST(state_value, (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_event)) WHERE state_key = 'mac_from_event'")) {
                mark.executeUpdate();
            }
            auditWritten = false;
        }
        connection.commit();
    }

    public long rowsWritten() {
        return rowsWritten + pending;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        connection.setAutoCommit(autoCommitBefore);
    }
}
