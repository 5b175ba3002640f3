package uk.nhs.pharmacy.portal.demo;

import java.util.Locale;

/**
 * Whether demo data and demo users are loaded: {@code auto} (the default) only on the embedded
 * H2 database; {@code true} also on another database (the test suite on MariaDB); {@code false}
 * never. A production deployment sets a MySQL URL and so never gets demo users by accident.
 */
public final class DemoMode {

    private DemoMode() {
    }

    public static boolean isOn(String setting, String databaseUrl) {
        String s = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> databaseUrl != null && databaseUrl.startsWith("jdbc:h2:");
            default -> throw new IllegalArgumentException("portal.demo must be auto, true or false, not '" + setting + "'");
        };
    }
}
