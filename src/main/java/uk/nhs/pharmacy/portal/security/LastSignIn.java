package uk.nhs.pharmacy.portal.security;

import java.io.Serializable;
import java.time.Instant;

/** When and from where someone signed in before this session; shown on their home page. */
public record LastSignIn(Instant at, String from) implements Serializable {
}
