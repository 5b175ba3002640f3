package uk.nhs.pharmacy.portal.audit;

import java.util.Objects;

/** What an audit entry is about: its kind, its id, and how a person would name it (an address, an ODS code). */
public record AuditTarget(AuditTargetType type, Long id, String label) {

    public AuditTarget {
        Objects.requireNonNull(type, "an audit target has a type");
    }
}
