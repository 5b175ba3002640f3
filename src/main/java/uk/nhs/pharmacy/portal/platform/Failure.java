package uk.nhs.pharmacy.portal.platform;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.Size;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Why something a person or a system asked for did not happen, told apart once for every channel:
 * screens say it in words from the bundle, the API maps the kind to a status. A value's or a
 * library's own message never reaches a person unless it is one of ours ({@link RuleViolation},
 * {@link InvalidValueException}); anything unexpected is a fault, logged, and said in general words.
 */
public record Failure(Kind kind, Throwable cause) {

    private static final Logger LOG = Logger.getLogger(Failure.class.getName());

    public enum Kind {
        /** Missing, or outside the caller's scope: answered alike. */
        NOT_FOUND,
        /** The caller's role may not do this at all. */
        FORBIDDEN,
        /** A rule of the domain refuses it. */
        REFUSED,
        /** A value is not what it claims to be, or is longer than the portal keeps. */
        INVALID,
        /** Someone else changed the same thing in between. */
        CONFLICT,
        /** The database is down or unreachable: nothing was changed, try again. */
        UNAVAILABLE,
        /** A bug or a broken dependency: logged, never explained to the caller. */
        FAULT
    }

    /** Classifies what a service threw, looking through the container's wrappers. */
    public static Failure of(Throwable thrown) {
        Throwable e = unwrap(thrown);
        Kind kind;
        if (e instanceof NotFound) {
            kind = Kind.NOT_FOUND;
        } else if (e instanceof SecurityException) {
            kind = Kind.FORBIDDEN;
        } else if (e instanceof RuleViolation) {
            kind = Kind.REFUSED;
        } else if (e instanceof InvalidValueException || e instanceof ConstraintViolationException) {
            kind = Kind.INVALID;
        } else if (e instanceof jakarta.persistence.OptimisticLockException
                || e instanceof jakarta.transaction.RollbackException && !databaseUnavailable(thrown)) {
            kind = Kind.CONFLICT;
        } else if (databaseUnavailable(thrown)) {
            kind = Kind.UNAVAILABLE;
        } else {
            kind = Kind.FAULT;
        }
        return new Failure(kind, e);
    }

    /** The words for a person in the portal's own bundle (the API, a report line). */
    public String words() {
        return words(ResourceBundle.getBundle("i18n.messages", java.util.Locale.UK));
    }

    /** The words for a person, from the bundle; a fault is logged here and said in general words. */
    public String words(ResourceBundle bundle) {
        return switch (kind) {
            case NOT_FOUND, FORBIDDEN -> text(bundle, "premises.notAllowed");
            case REFUSED -> ((RuleViolation) cause).in(bundle);
            case INVALID -> cause instanceof InvalidValueException v ? text(bundle, v.messageKey()) : tooLongOrMissing(bundle);
            case CONFLICT -> text(bundle, "premises.concurrentChange");
            case UNAVAILABLE -> text(bundle, "failure.unavailable");
            case FAULT -> {
                LOG.log(Level.SEVERE, "Unexpected failure", cause);
                yield text(bundle, "failure.fault");
            }
        };
    }

    private String tooLongOrMissing(ResourceBundle bundle) {
        var tooLong = ((ConstraintViolationException) cause).getConstraintViolations().stream()
                .filter(c -> c.getConstraintDescriptor().getAnnotation() instanceof Size)
                .findFirst();
        return tooLong.isPresent()
                ? java.text.MessageFormat.format(text(bundle, "input.tooLong"), tooLong.get().getConstraintDescriptor().getAttributes().get("max"))
                : text(bundle, "premises.missingInput");
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof jakarta.ejb.EJBException || e instanceof jakarta.transaction.TransactionalException
                || e instanceof jakarta.transaction.RollbackException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** A connection the pool could not get or lost: the database is down or unreachable. */
    public static boolean databaseUnavailable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getName().startsWith("jakarta.resource.") || String.valueOf(t.getMessage())
                    .contains("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }
}
