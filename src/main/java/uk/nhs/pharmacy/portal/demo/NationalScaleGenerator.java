package uk.nhs.pharmacy.portal.demo;

import org.h2.jdbcx.JdbcDataSource;
import uk.nhs.pharmacy.portal.platform.DatabaseMigrator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Grows the database to national scale: about 11,500 premises, 1.5 million personal accounts
 * and 60,000 delegations (the targets are totals, so a second run adds nothing). Starts from the
 * Greater Manchester demo if the database is empty, and grows with the same builder. Run with
 * {@code mvn -Pgenerate} (see the README); the portal must be stopped when the database is H2.
 */
public final class NationalScaleGenerator {

    private static final String[] REGIONS = {"East of England", "Cheshire and Merseyside", "Cumbria and North East",
            "South East Coast", "Central Midlands", "West Midlands", "East Midlands", "South West", "Wessex", "London",
            "Yorkshire & Humber", "South Central"};
    private static final String[] OUTWARD = {"CB1", "NR2", "IP4", "L15", "CH41", "CA1", "NE6", "BN1", "CT1", "LE1",
            "B12", "DE1", "NG7", "BS5", "EX4", "SO15", "BH8", "N17", "SE15", "E8", "LS6", "S10", "HU5", "OX4", "RG1"};
    private static final String[] CHAINS = {"Boots", "Well", "Lloydspharmacy", "Rowlands Pharmacy", "Day Lewis",
            "Jhoots Pharmacy", "Superdrug Pharmacy", "Asda Pharmacy", "Tesco Instore Pharmacy", "Morrisons Pharmacy",
            "Paydens Pharmacy", "Cohens Chemist", "Peak Pharmacy", "Knights Pharmacy", "Bestway Pharmacy",
            "Avicenna Pharmacy", "Allied Pharmacy", "Hollowood Chemist", "Numark Pharmacy", "Manor Pharmacy"};
    private static final String BIG_CHAIN = "National Pharmacy Chain";

    private final DataSource dataSource;
    private final int premisesTarget;
    private final long accountsTarget;
    private final int delegationsTarget;
    private long written;
    private long started;

    NationalScaleGenerator(DataSource dataSource, int premisesTarget, long accountsTarget, int delegationsTarget) {
        this.dataSource = dataSource;
        this.premisesTarget = premisesTarget;
        this.accountsTarget = accountsTarget;
        this.delegationsTarget = delegationsTarget;
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("gen.db.url",
                "jdbc:h2:file:" + System.getProperty("user.home") + "/.pharmacy-portal/portal;MODE=LEGACY");
        String user = System.getProperty("gen.db.user", url.startsWith("jdbc:h2:") ? "sa" : "root");
        String password = System.getProperty("gen.db.password", url.startsWith("jdbc:h2:") ? "portal-demo" : "");
        DataSource dataSource = dataSource(url, user, password);
        NationalScaleGenerator generator = new NationalScaleGenerator(dataSource,
                Integer.getInteger("gen.premises", 11_500), Long.getLong("gen.accounts", 1_500_000L),
                Integer.getInteger("gen.delegations", 60_000));
        System.out.println("Generating into " + url.replaceAll("password=[^&;]*", "password=***"));
        generator.run();
    }

    static DataSource dataSource(String url, String user, String password) throws SQLException {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        com.mysql.cj.jdbc.MysqlDataSource mysql = new com.mysql.cj.jdbc.MysqlDataSource();
        mysql.setURL(url);
        mysql.setUser(user);
        mysql.setPassword(password);
        mysql.setRewriteBatchedStatements(true); // one multi-row INSERT per batch
        return mysql;
    }

    void run() throws SQLException {
        DatabaseMigrator.applyMigrations(dataSource);
        started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             BulkWriter writer = new BulkWriter(connection, 1000)) {
            if (count(connection, "SELECT COUNT(*) FROM organisation") == 0) {
                System.out.println("Empty database: loading the Greater Manchester demo first");
                new DemoDataset(writer, DemoDataLoader.SEED, Instant.now()).loadGreaterManchester(GmPharmacyList.load());
            }
            DemoDataset dataset = new DemoDataset(writer, System.nanoTime(), Instant.now());
            observeExistingAddresses(connection, dataset);
            growPremises(connection, writer, dataset);
            growLocums(connection, writer, dataset);
            growOtherAccounts(connection, writer, dataset);
            writer.commit();
            written = writer.rowsWritten();
            report(connection);
        }
        if (dataSource instanceof JdbcDataSource) {
            // H2 keeps superseded pages until compacted: without this the file is many times larger.
            System.out.println("Compacting the H2 file...");
            try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }

    private void observeExistingAddresses(Connection connection, DemoDataset dataset) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT address FROM personal_account")) {
                while (rs.next()) {
                    dataset.names().observe(rs.getString(1));
                }
            }
        }
    }

    private void growPremises(Connection connection, BulkWriter writer, DemoDataset dataset) throws SQLException {
        long existing = count(connection, "SELECT COUNT(*) FROM organisation WHERE kind = 'PREMISES'");
        if (existing >= premisesTarget) {
            return;
        }
        Random random = dataset.random();
        Set<String> codes = codes(connection);
        List<Long> areas = new ArrayList<>();
        int areaNumber = (int) count(connection, "SELECT COUNT(*) FROM organisation WHERE kind = 'AREA'");
        for (String region : REGIONS) {
            long regionId = writer.organisation(unique(codes, "QR" + (++areaNumber)), region, "AREA", null, null, null, null, null);
            for (int i = 1; i <= 4; i++) {
                areas.add(writer.organisation(unique(codes, "QA" + (++areaNumber)), region + " area " + i, "AREA",
                        null, null, null, null, regionId));
            }
        }
        int contractorNumber = (int) count(connection, "SELECT COUNT(*) FROM organisation WHERE kind = 'CONTRACTOR'");
        long bigChain = writer.organisation(unique(codes, DemoDataset.contractorCode(++contractorNumber)), BIG_CHAIN,
                "CONTRACTOR", null, null, null, null, null);
        long[] chains = new long[CHAINS.length];
        for (int i = 0; i < CHAINS.length; i++) {
            chains[i] = writer.organisation(unique(codes, DemoDataset.contractorCode(++contractorNumber)),
                    CHAINS[i] + " (national)", "CONTRACTOR", null, null, null, null, null);
        }
        int code = 0;
        for (long n = existing; n < premisesTarget; n++) {
            String ods;
            do {
                ods = "F" + base36(code++);
            } while (!codes.add(ods));
            long area = areas.get(random.nextInt(areas.size()));
            String name;
            long contractor;
            int bigChainCount = (int) (n - existing);
            if (bigChainCount < 2000) {
                name = BIG_CHAIN;
                contractor = bigChain;
            } else if (random.nextDouble() < 0.45) {
                int c = random.nextInt(CHAINS.length);
                name = CHAINS[c];
                contractor = chains[c];
            } else {
                name = dataset.names().lastName() + " Pharmacy";
                contractor = writer.organisation(unique(codes, DemoDataset.contractorCode(++contractorNumber)), name,
                        "CONTRACTOR", null, null, null, null, null);
            }
            String postcode = OUTWARD[random.nextInt(OUTWARD.length)] + " " + random.nextInt(10)
                    + "ABDEFGHJLNPQRSTUWXYZ".charAt(random.nextInt(20)) + "ABDEFGHJLNPQRSTUWXYZ".charAt(random.nextInt(20));
            long premises = writer.organisation(ods, name, "PREMISES", (1 + random.nextInt(400)) + " High Street",
                    postcode, "0113 496 " + String.format(Locale.ROOT, "%04d", random.nextInt(1000)), area, contractor);
            dataset.growPremises(premises, ods, name, area, "national");
            progress(writer, "premises", n + 1 - existing, premisesTarget - existing);
        }
        writer.commit();
    }

    private void growLocums(Connection connection, BulkWriter writer, DemoDataset dataset) throws SQLException {
        writer.commit();
        long delegations = count(connection, "SELECT COUNT(*) FROM delegation");
        List<Long> areas = ids(connection, "SELECT id FROM organisation WHERE kind = 'AREA'");
        while (delegations < delegationsTarget) {
            dataset.growLocums(50, areas, "national");
            writer.commit();
            long now = count(connection, "SELECT COUNT(*) FROM delegation");
            if (now == delegations) {
                break; // no active mailbox to grant on
            }
            delegations = now;
            progress(writer, "delegations", delegations, delegationsTarget);
        }
    }

    private void growOtherAccounts(Connection connection, BulkWriter writer, DemoDataset dataset) throws SQLException {
        writer.commit();
        long accounts = count(connection, "SELECT COUNT(*) FROM personal_account");
        List<Long> homes = ids(connection, "SELECT id FROM organisation WHERE kind = 'AREA'");
        Random random = dataset.random();
        // Everyone else on NHSmail: accounts with no pharmacy access, which searches must still wade through.
        for (long n = accounts; n < accountsTarget; n++) {
            String first = dataset.names().firstName();
            String last = dataset.names().lastName();
            writer.account(dataset.names().address(first, last), first, last, "OTHER", "ACTIVE",
                    homes.get(random.nextInt(homes.size())), random.nextDouble() < 0.3, null);
            if ((n - accounts) % 50_000 == 49_999) {
                writer.commit();
            }
            progress(writer, "accounts", n + 1 - accounts, accountsTarget - accounts);
        }
    }

    private void progress(BulkWriter writer, String what, long done, long of) {
        long rows = writer.rowsWritten();
        if (rows - written >= 100_000 || done == of) {
            written = rows;
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%-12s %,d of %,d; %,d rows in %.1f s (%,.0f rows/s)%n",
                    what, done, of, rows, seconds, rows / seconds);
        }
    }

    private void report(Connection connection) throws SQLException {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "Done: %,d rows written in %.1f s (%,.0f rows/s)%n", written, seconds,
                written / Math.max(seconds, 0.001));
        System.out.printf(Locale.ROOT, "Now: %,d premises, %,d personal accounts, %,d shared mailboxes, %,d delegations%n",
                count(connection, "SELECT COUNT(*) FROM organisation WHERE kind = 'PREMISES'"),
                count(connection, "SELECT COUNT(*) FROM personal_account"),
                count(connection, "SELECT COUNT(*) FROM shared_mailbox"),
                count(connection, "SELECT COUNT(*) FROM delegation"));
    }

    private static String unique(Set<String> codes, String code) {
        if (!codes.add(code)) {
            throw new IllegalStateException("ODS code " + code + " is already taken");
        }
        return code;
    }

    private static String base36(int n) {
        String s = Integer.toString(n, 36).toUpperCase(Locale.ROOT);
        return "0000".substring(s.length()) + s;
    }

    private static Set<String> codes(Connection connection) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT ods_code FROM organisation")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static List<Long> ids(Connection connection, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
