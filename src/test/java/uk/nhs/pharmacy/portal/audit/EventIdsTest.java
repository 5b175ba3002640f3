package uk.nhs.pharmacy.portal.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventIdsTest {

    @Test
    void idsAreWrittenAsAscendingRangesAndReadBackTheSame() {
        EventIds ids = EventIds.of(List.of(354L, 101L, 102L, 103L, 352L, 355L, 356L));
        assertEquals("101-103,352,354-356", ids.toString());
        assertEquals(ids.toString(), EventIds.parse(ids.toString()).toString());
        assertEquals(7, ids.count());
        assertEquals(101, ids.first());
        assertEquals(356, ids.last());
    }

    @Test
    void aGapIsNotCovered() {
        EventIds ids = EventIds.parse("101-103,352,354-356");
        for (long id : new long[]{101, 102, 103, 352, 354, 356}) {
            assertTrue(ids.contains(id), "covers " + id);
        }
        for (long id : new long[]{100, 104, 351, 353, 357}) {
            assertFalse(ids.contains(id), "does not cover " + id);
        }
    }

    @Test
    void rangesOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventIds.parse("5-9,7"));
        assertThrows(IllegalArgumentException.class, () -> EventIds.parse("9-5"));
    }
}
