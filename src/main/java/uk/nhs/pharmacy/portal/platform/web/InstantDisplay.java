package uk.nhs.pharmacy.portal.platform.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Shows every instant as UK local time, e.g. "23 Nov 2026 14:05". Display only. */
@FacesConverter(forClass = Instant.class)
public class InstantDisplay implements Converter<Instant> {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(uk.nhs.pharmacy.portal.platform.UkTime.ZONE);

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String value) {
        throw new UnsupportedOperationException("Instants are displayed, not entered");
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant value) {
        return format(value);
    }

    public static String format(Instant value) {
        return value == null ? "" : FORMAT.format(value);
    }
}
