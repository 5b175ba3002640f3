package uk.nhs.pharmacy.portal.deputy;

import java.io.Serializable;
import java.time.LocalDate;

/** An appointment as a page shows it: names in words, its part of the scope, and what the reader may do. */
public record DeputyRow(long id, String absent, String deputy, LocalDate firstDay, LocalDate lastDay, String part,
                        String reason, String appointedBy, String state, boolean mayEnd) implements Serializable {

    /** The period in words, "Thu 3 Dec 2026 to Thu 17 Dec 2026". */
    public String period() {
        return uk.nhs.pharmacy.portal.platform.UkTime.words(firstDay) + " – " + uk.nhs.pharmacy.portal.platform.UkTime.words(lastDay);
    }
}
