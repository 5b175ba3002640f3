package uk.nhs.pharmacy.portal.platform;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/** One classification of failures for screens and the API: what a person is told, and what never reaches them. */
class FailureTest {

    private static final ResourceBundle WORDS = ResourceBundle.getBundle("i18n.messages", Locale.UK);

    @Test
    void missingAndOutOfScopeAreNotFoundThroughTheContainersWrapper() {
        Failure failure = Failure.of(new EJBException(new NotFound()));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.NOT_FOUND);
        assertThat(failure.words(WORDS)).isEqualTo(WORDS.getString("premises.notAllowed"));
    }

    @Test
    void aRefusalIsSaidInTheBundlesWordsWithStatesInWords() {
        Failure failure = Failure.of(RuleViolation.because("refusal.provisioning.onlyFailedRetries",
                uk.nhs.pharmacy.portal.platform.FailureTest.State.PENDING));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.REFUSED);
        assertThat(failure.words(WORDS)).isEqualTo("Only a failed change can be sent again; this one is PENDING");
    }

    @Test
    void aBadValueIsSaidByItsKeyNotItsMessage() {
        Failure failure = Failure.of(new InvalidValueException("validation.postcode.invalid", "internal: BL31 not matched"));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.INVALID);
        assertThat(failure.words(WORDS)).isEqualTo(WORDS.getString("validation.postcode.invalid"));
    }

    @Test
    void aLibrarysOwnMessageNeverReachesAPerson() {
        Failure failure = Failure.of(new EJBException(new IllegalStateException("Step 3 is already DONE (row 88121)")));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.FAULT);
        assertThat(failure.words(WORDS)).isEqualTo(WORDS.getString("failure.fault")).doesNotContain("88121");
    }

    @Test
    void anotherPersonsChangeInBetweenIsAConflict() {
        assertThat(Failure.of(new OptimisticLockException("row changed")).kind()).isEqualTo(Failure.Kind.CONFLICT);
    }

    @Test
    void aLostConnectionIsTheDatabaseUnavailableNotAFault() {
        Failure failure = Failure.of(new EJBException(new PersistenceException(new SQLTransientConnectionException("refused"))));
        assertThat(failure.kind()).isEqualTo(Failure.Kind.UNAVAILABLE);
        assertThat(failure.words(WORDS)).contains("not available");
    }

    @Test
    void aRoleThatMayNotIsForbidden() {
        assertThat(Failure.of(new SecurityException("loa may not")).kind()).isEqualTo(Failure.Kind.FORBIDDEN);
    }

    /** A state without words in the bundle is said by its name. */
    enum State { PENDING }
}
