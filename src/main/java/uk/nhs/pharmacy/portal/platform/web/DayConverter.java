package uk.nhs.pharmacy.portal.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import uk.nhs.pharmacy.portal.platform.UkTime;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Every day on every screen: shown as "Fri 11 Dec 2026", typed as people type dates ("11/12/2026",
 * "11-12-2026", "11 Dec 2026", "2026-12-11"). A field holds "11/12/2026" to edit. Text that is not a
 * date is refused with a message naming the field, never read as no date: a last day that was typed
 * must not turn into permanent access.
 */
@FacesConverter(forClass = LocalDate.class)
public class DayConverter implements Converter<LocalDate> {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.UK);
    private static final List<DateTimeFormatter> TYPED = List.of("d/M/uuuu", "d-M-uuuu", "d.M.uuuu", "d M uuuu", "d MMM uuuu",
            "d MMMM uuuu", "EEE d MMM uuuu", "uuuu-M-d").stream()
            .map(p -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.UK)
                    .withResolverStyle(ResolverStyle.STRICT)).toList();

    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
        String text = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return null;
        }
        LocalDate day = parse(text);
        if (day == null) {
            String label = component.getAttributes().get("label") instanceof String l ? l : "Date";
            String message = MessageFormat.format(context.getApplication().getResourceBundle(context, "i18n")
                    .getString("date.invalid"), label, text);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }
        return day;
    }

    /** The day the text names, or null if it names none; case is ignored ("11 dec 2026"). */
    public static LocalDate parse(String text) {
        for (DateTimeFormatter format : TYPED) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThisOne) {
                // try the next way of writing a date
            }
        }
        return null;
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
        if (value == null) {
            return "";
        }
        return component instanceof EditableValueHolder ? FIELD.format(value) : UkTime.words(value);
    }
}
