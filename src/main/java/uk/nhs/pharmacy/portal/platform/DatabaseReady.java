package uk.nhs.pharmacy.portal.platform;

/**
 * The schema is up to date: fired once at start-up, synchronously, by {@link DatabaseMigrator}.
 * What must happen before the portal's scheduled work observes it with a lower {@code @Priority}
 * (the demo data, the onboarding phases), and {@link Scheduler} starts the periodic work last.
 */
public record DatabaseReady() {

    /** Observer priorities, in the order they run. */
    public static final int DATA = jakarta.interceptor.Interceptor.Priority.APPLICATION;
    public static final int FEATURES = DATA + 100;
    public static final int SCHEDULE = DATA + 200;
}
