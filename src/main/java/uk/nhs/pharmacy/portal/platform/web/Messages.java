package uk.nhs.pharmacy.portal.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

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

    /** A message that is already in the user's words (e.g. a rule violation from a service). */
    public void errorText(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
