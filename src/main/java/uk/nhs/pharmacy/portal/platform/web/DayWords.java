package uk.nhs.pharmacy.portal.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.platform.UkTime;

import java.time.LocalDate;

/** A day in words for a page's text ("Fri 11 Dec 2026"), where a converter cannot be attached. */
@Named
@ApplicationScoped
public class DayWords {

    public String of(LocalDate day) {
        return UkTime.words(day);
    }
}
