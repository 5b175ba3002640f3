package uk.nhs.pharmacy.portal.hr;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A token as the HR systems page lists it: never its secret. */
public record HrTokenRow(long id, String name, List<String> scope, String issuedBy, Instant issuedAt, Instant rotatedAt,
                         Instant lastUsedAt, Instant revokedAt) implements Serializable {

    public HrTokenRow {
        scope = List.copyOf(scope);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String scopeText() {
        return String.join(", ", scope);
    }
}
