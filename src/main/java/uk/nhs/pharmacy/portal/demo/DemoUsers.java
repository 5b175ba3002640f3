package uk.nhs.pharmacy.portal.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * The demo users, one per kind of user, each with a personal NHSmail account. Created only in
 * demo mode; the README lists them with {@link #PASSWORD}.
 */
public final class DemoUsers {

    public static final String PASSWORD = "Pharmacy-Demo-2026";

    /**
     * @param homeKey  where the person's account lives: an ODS code, or "contractor:" + trading name
     * @param scopeKey what the user may act on: an area's ODS code, "contractor:" + name, or null
     */
    public record Person(String username, String firstName, String lastName, String role, String jobRole,
                         String homeKey, String scopeKey) {

        public String address() {
            return (firstName + "." + lastName).toLowerCase(java.util.Locale.ROOT) + "@nhs.net";
        }

        public String displayName() {
            return firstName + " " + lastName;
        }
    }

    public static final List<Person> PEOPLE = List.of(
            new Person("national", "Nadia", "Okafor", "NATIONAL_ADMIN", "NATIONAL_ADMINISTRATOR",
                    DemoDataset.NATIONAL_ODS, null),
            new Person("loa.gm", "Grace", "Manning", "LOA", "LOCAL_ADMINISTRATOR",
                    DemoDataset.GREATER_MANCHESTER_ODS, DemoDataset.GREATER_MANCHESTER_ODS),
            new Person("loa.bolton", "Ben", "Lever", "LOA", "LOCAL_ADMINISTRATOR",
                    "E08000001", "E08000001"),
            new Person("owner.cohens", "Colin", "Cohen", "OWNER", "MANAGER",
                    "contractor:Cohens Chemist", "contractor:Cohens Chemist"),
            // The manager-owner of one Cohens branch (Kearsley, FFK43) only: an owner elsewhere in the chain.
            new Person("owner.kearsley", "Zainab", "Whitworth", "OWNER", "MANAGER", "FFK43", "FFK43"),
            new Person("owner.a1", "Asha", "Aziz", "OWNER", "PHARMACIST",
                    "FM664", "contractor:A1 Pharmacy"),
            // A new LOA who has not set up an authenticator yet: they do it at their first sign-in.
            new Person("loa.salford", "Sana", "Ford", "LOA", "LOCAL_ADMINISTRATOR",
                    "E08000006", "E08000006"));

    /**
     * The demo administrators come with an authenticator already set up: add these keys to an
     * authenticator app (the README lists them) to sign in as them; tests compute the codes.
     */
    public static final java.util.Map<String, String> MFA_SECRETS = java.util.Map.of(
            "national", "NADIAOKAFORDEMOKEYFORTHEPORTALAA",
            "loa.gm", "GRACEMANNINGDEMOKEYFORTHEPORTALA",
            "loa.bolton", "BENLEVERDEMOKEYFORTHEPORTALAAAAA");

    private DemoUsers() {
    }

    /** The current authenticator code of a demo administrator; null for anyone without one. */
    public static String mfaCode(String username) {
        String secret = MFA_SECRETS.get(username);
        return secret == null ? null : uk.nhs.pharmacy.portal.security.Totp.code(secret, java.time.Instant.now());
    }

    /** Creates the users whose organisations and accounts exist; returns how many were created. */
    public static int create(Connection connection, Function<char[], String> hasher) throws SQLException {
        int created = 0;
        try (BulkWriter writer = new BulkWriter(connection, 100)) {
            for (Person person : PEOPLE) {
                Long account = id(connection, "SELECT id FROM personal_account WHERE address = ?", person.address());
                Long scope = person.scopeKey() == null ? null : organisation(connection, person.scopeKey());
                if (person.scopeKey() != null && scope == null) {
                    continue; // that part of the demo data is not loaded
                }
                long user = writer.user(person.username(), hasher.apply(PASSWORD.toCharArray()), person.displayName(), person.role(), account);
                if (scope != null) {
                    writer.scope(user, scope);
                }
                created++;
            }
            writer.commit();
        }
        try (PreparedStatement enrol = connection.prepareStatement("UPDATE portal_user SET mfa_secret = ? WHERE username = ?")) {
            for (var demo : MFA_SECRETS.entrySet()) {
                enrol.setString(1, demo.getValue());
                enrol.setString(2, demo.getKey());
                enrol.executeUpdate();
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return created;
    }

    private static Long organisation(Connection connection, String key) throws SQLException {
        if (key.startsWith("contractor:")) {
            return id(connection, "SELECT id FROM organisation WHERE kind = 'CONTRACTOR' AND name = ?",
                    key.substring("contractor:".length()));
        }
        return id(connection, "SELECT id FROM organisation WHERE ods_code = ?", key);
    }

    private static Long id(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
