package uk.nhs.pharmacy.portal.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.Failure;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Faces messages from the i18n bundle, by key. */
@RequestScoped
public class Messages {

    @Inject
    FacesContext faces;

    public String text(String key, Object... arguments) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "i18n");
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public void error(String key, Object... arguments) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
    }

    public void info(String key, Object... arguments) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
    }

    /**
     * Runs what a user asked for and turns a failure into a message on the page, in the words
     * {@link Failure} gives every channel: a refusal, a bad value, scope, someone else's change in
     * between, the database away, or a fault (logged). What was typed stays on the form.
     */
    public boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    /** A failure of what a user asked for, as an error message on the page. */
    public void failed(RuntimeException e) {
        errorText(words(e));
    }

    /** A failure (a refusal, a confirmation asked for) in the page's words. */
    public String words(RuntimeException e) {
        return Failure.of(e).words(faces.getApplication().getResourceBundle(faces, "i18n"));
    }

    /** A message that is already in the user's words (e.g. a rule violation from a service). */
    public void errorText(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
