package uk.nhs.pharmacy.portal.mailbox;

import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.audit.AuditEvent;

import java.io.Serializable;
import java.util.List;

/** A personal account's page: the person, every mailbox they can reach, and their history. */
public record AccountDetails(PersonalAccount account, String homeName, List<Delegation> access,
                             List<AuditEvent> history) implements Serializable {
}
