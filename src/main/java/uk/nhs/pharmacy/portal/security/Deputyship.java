package uk.nhs.pharmacy.portal.security;

import java.io.Serializable;
import java.util.Objects;

/**
 * A running deputy appointment as its deputy carries it: for whom, and where. {@link AccessPolicy}
 * lets the deputy act there as an LOA, except in appointing deputies.
 */
public record Deputyship(long appointmentId, String absentUsername, Scope scope) implements Serializable {

    public Deputyship {
        Objects.requireNonNull(absentUsername, "absentUsername");
        Objects.requireNonNull(scope, "scope");
    }
}
