package uk.nhs.pharmacy.portal.provisioning;

import java.util.Optional;

/**
 * One map the mail platform looks up in the portal over the socketmap ({@link SocketmapServer}):
 * Postfix's sender logins, or the content filter's secure recipients and refusals.
 */
public interface SocketmapLookup {

    /** The map's name, as the client asks for it: {@code <name> <key>}. */
    String map();

    /** The value for a key (already lower-case); empty answers NOTFOUND. */
    Optional<String> find(String key);
}
