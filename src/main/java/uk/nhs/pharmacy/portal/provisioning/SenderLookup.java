package uk.nhs.pharmacy.portal.provisioning;

import java.util.List;

/** Who may use an address as their envelope sender: the logins Postfix should accept for it. */
public interface SenderLookup {

    /** The SASL logins (NHSmail addresses) allowed to send as {@code address}; empty if none. */
    List<String> loginsFor(String address);
}
