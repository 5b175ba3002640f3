package uk.nhs.pharmacy.portal.scim;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code totalResults} of a list. A client pages through a broad list with the same filter, page after
 * page; counting 1.5 million rows for each page would cost more than the page. A total that took
 * longer than {@link #SLOW} to count is kept for {@link #KEPT} and given with the following pages (it
 * may be that many seconds old); a quick count, such as a {@code userName eq} lookup's, is always made
 * afresh. Per member of a cluster: a total is a hint to a pager, not a rule.
 */
@ApplicationScoped
public class ListTotals {

    static final Duration SLOW = Duration.ofMillis(200);
    static final Duration KEPT = Duration.ofSeconds(60);
    private static final int MOST_KEPT = 1_000;

    private record Kept(long total, long until) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    long total(String query, Supplier<Long> count) {
        long now = System.nanoTime();
        Kept known = kept.get(query);
        if (known != null && now - known.until() < 0) {
            return known.total();
        }
        long total = count.get();
        long took = System.nanoTime() - now;
        if (took >= SLOW.toNanos()) {
            if (kept.size() >= MOST_KEPT) {
                kept.clear();
            }
            kept.put(query, new Kept(total, System.nanoTime() + KEPT.toNanos()));
        } else if (known != null) {
            kept.remove(query);
        }
        return total;
    }
}
