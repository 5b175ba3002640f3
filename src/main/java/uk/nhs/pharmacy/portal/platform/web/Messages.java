package uk.nhs.pharmacy.portal.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;

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
     * Runs what a user asked for and turns a refusal into a message on the page: a service's rule
     * violation in its own words, a refusal of scope, missing input, or someone else's change in
     * between. Returns whether it succeeded; anything else is a fault and propagates.
     */
    public boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof jakarta.ejb.EJBException || e instanceof jakarta.transaction.TransactionalException
                    ? e.getCause() : e;
            if (cause instanceof SecurityException || cause instanceof NotFound) {
                error("premises.notAllowed");
            } else if (cause instanceof RuleViolation refusal) {
                errorText(refusal.in(faces.getApplication().getResourceBundle(faces, "i18n")));
            } else if (cause instanceof IllegalArgumentException
                    || cause instanceof IllegalStateException) {
                errorText(cause.getMessage());
            } else if (cause instanceof jakarta.validation.ConstraintViolationException v) {
                tooLong(v);
            } else if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof jakarta.transaction.RollbackException) {
                error("premises.concurrentChange");
            } else {
                throw e;
            }
            return false;
        }
    }

    /** A value longer than the portal keeps is named with its limit; anything else missing asks for every field. */
    private void tooLong(jakarta.validation.ConstraintViolationException v) {
        var tooLong = v.getConstraintViolations().stream()
                .filter(c -> c.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.Size)
                .findFirst();
        if (tooLong.isPresent()) {
            error("input.tooLong", tooLong.get().getConstraintDescriptor().getAttributes().get("max"));
        } else {
            error("premises.missingInput");
        }
    }

    /** A message that is already in the user's words (e.g. a rule violation from a service). */
    public void errorText(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
