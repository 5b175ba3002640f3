package uk.nhs.pharmacy.portal.mailbox;

import uk.nhs.pharmacy.portal.audit.AuditEvent;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.provisioning.ProvisioningEvent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Everything the premises page shows, read in one go and checked against the reader's scope. */
public record PremisesDetails(Organisation premises, String areaName, String contractorName, SharedMailbox mailbox,
                              List<Delegation> access, List<AuditEvent> history,
                              List<ProvisioningEvent> provisioning, boolean mayManage) implements Serializable {

    public long liveCount() {
        return access.size();
    }

    public long ownerCount() {
        return access.stream().filter(Delegation::isOwner).count();
    }

    /** Warnings in the user's words: NHSmail expects 2 live accounts and an owner. */
    public List<String> warningKeys() {
        List<String> keys = new ArrayList<>();
        if (mailbox == null) {
            keys.add("premises.warning.noMailbox");
        } else {
            if (mailbox.getStatus() == MailboxStatus.LEGACY_NON_CONFORMING) {
                keys.add("premises.warning.legacy");
            }
            if (liveCount() < SharedMailbox.MIN_LIVE_ACCOUNTS) {
                keys.add("premises.warning.belowMinimum");
            }
            if (ownerCount() == 0) {
                keys.add("premises.warning.noOwner");
            }
        }
        return keys;
    }
}
