package uk.nhs.pharmacy.portal.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The audit events one link of the seal chain covers, written as ascending ranges of ids
 * ("101-350,352,354-600"): events commit in near id order, so a block of thousands is a few ranges.
 */
record EventIds(List<long[]> ranges) {

    /** What a link's column holds at most; a sealing run starts a new block before it would overflow. */
    static final int MAX_TEXT = 4000;

    EventIds {
        ranges = List.copyOf(ranges);
    }

    static EventIds of(Collection<Long> ids) {
        List<long[]> ranges = new ArrayList<>();
        for (long id : new TreeSet<>(ids)) {
            long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] + 1 == id) {
                last[1] = id;
            } else {
                ranges.add(new long[]{id, id});
            }
        }
        return new EventIds(ranges);
    }

    static EventIds parse(String text) {
        List<long[]> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            long from = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
            long to = dash < 0 ? from : Long.parseLong(part.substring(dash + 1));
            if (to < from || (!ranges.isEmpty() && from <= ranges.get(ranges.size() - 1)[1])) {
                throw new IllegalArgumentException("Event ids out of order: " + text);
            }
            ranges.add(new long[]{from, to});
        }
        return new EventIds(ranges);
    }

    boolean contains(long id) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long[] range = ranges.get(mid);
            if (id < range[0]) {
                high = mid - 1;
            } else if (id > range[1]) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    long first() {
        return ranges.get(0)[0];
    }

    long last() {
        return ranges.get(ranges.size() - 1)[1];
    }

    long count() {
        return ranges.stream().mapToLong(r -> r[1] - r[0] + 1).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (long[] range : ranges) {
            s.append(s.length() == 0 ? "" : ",").append(range[0]);
            if (range[1] != range[0]) {
                s.append('-').append(range[1]);
            }
        }
        return s.toString();
    }
}
