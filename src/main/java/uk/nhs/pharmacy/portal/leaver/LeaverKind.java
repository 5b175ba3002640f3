package uk.nhs.pharmacy.portal.leaver;

import java.util.Locale;
import java.util.Optional;

/** How far a person leaves, which decides which access a leaver case takes away. */
public enum LeaverKind {
    /** Moves away from one premises (to another branch, say): that premises' access only. */
    LEAVES_PREMISES("premises"),
    /** Leaves the contractor: access to every premises of the contractor. */
    LEAVES_CONTRACTOR("contractor"),
    /** Leaves the NHS: all access, and the account becomes a leaver for NHSmail's 30 days. */
    LEAVES_NHS("nhs");

    private final String token;

    LeaverKind(String token) {
        this.token = token;
    }

    /** The word used in files and the API: premises, contractor or nhs. */
    public String token() {
        return token;
    }

    /** From a file or API value: the token or the constant's name, ignoring case. */
    public static Optional<LeaverKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (LeaverKind kind : values()) {
            if (kind.token.equals(t) || kind.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public boolean needsScopeOrganisation() {
        return this != LEAVES_NHS;
    }
}
