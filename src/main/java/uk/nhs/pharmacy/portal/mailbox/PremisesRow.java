package uk.nhs.pharmacy.portal.mailbox;

import java.io.Serializable;

/** One line of a premises list: the premises, its mailbox and how many people reach it. */
public record PremisesRow(long id, String odsCode, String name, String postcode, String area,
                          String mailboxAddress, MailboxStatus mailboxStatus, long liveAccounts, long owners,
                          long expiringSoon)
        implements Serializable {

    public PremisesRow withMailbox(String address, MailboxStatus status, long live, long ownerCount, long expiring) {
        return new PremisesRow(id, odsCode, name, postcode, area, address, status, live, ownerCount, expiring);
    }

    public boolean isBelowMinimum() {
        return mailboxStatus != null && liveAccounts < SharedMailbox.MIN_LIVE_ACCOUNTS;
    }

    public boolean isWithoutOwner() {
        return mailboxStatus != null && owners == 0;
    }

    public boolean isWithoutMailbox() {
        return mailboxStatus == null;
    }

    /** For Faces: the enum key, NONE when there is no mailbox. */
    public String getMailboxStatusKey() {
        return mailboxStatus == null ? "NONE" : mailboxStatus.name();
    }

    public long getId() { return id; }
    public String getOdsCode() { return odsCode; }
    public String getName() { return name; }
    public String getPostcode() { return postcode; }
    public String getArea() { return area; }
    public String getMailboxAddress() { return mailboxAddress; }
    public long getLiveAccounts() { return liveAccounts; }
    public long getOwners() { return owners; }
    /** Live access that ends within the next 7 days. */
    public long getExpiringSoon() { return expiringSoon; }
}
