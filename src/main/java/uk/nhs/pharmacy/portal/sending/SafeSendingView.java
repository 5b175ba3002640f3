package uk.nhs.pharmacy.portal.sending;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.Serializable;
import java.util.List;

/** Safe sending: the checker for everyone signed in, the secure-domain list, and the national team's edits. */
@Named
@ViewScoped
public class SafeSendingView implements Serializable {

    @Inject
    SecureDomains domains;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private String address;
    private SecureDomains.Verdict verdict;
    private String newDomain;
    private String reason;
    private Long removing;
    private String removingDomain;
    private transient List<SecureDomain> list;

    public void check() {
        verdict = domains.check(address);
    }

    public void add() {
        SecureDomain[] added = new SecureDomain[1];
        if (messages.attempt(() -> added[0] = domains.add(currentUser.actor(), newDomain, reason))) {
            messages.info("sending.added", added[0].getDomain());
            newDomain = null;
            reason = null;
            list = null;
        }
    }

    public void startRemoving(SecureDomain domain) {
        removing = domain.getId();
        removingDomain = domain.getDomain();
        reason = null;
    }

    public void cancelRemoving() {
        removing = null;
        removingDomain = null;
    }

    public void remove() {
        if (removing != null && messages.attempt(() -> domains.remove(currentUser.actor(), removing, reason))) {
            messages.info("sending.removed", removingDomain);
            cancelRemoving();
            list = null;
        }
    }

    public List<SecureDomain> getDomains() {
        if (list == null) {
            list = domains.list();
        }
        return list;
    }

    public String getVerdictWords() {
        return verdict == null ? null : messages.text(verdict.reasonKey(), verdict.entry());
    }

    public SecureDomains.Verdict getVerdict() {
        return verdict;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getNewDomain() {
        return newDomain;
    }

    public void setNewDomain(String newDomain) {
        this.newDomain = newDomain;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getRemoving() {
        return removing;
    }

    public String getRemovingDomain() {
        return removingDomain;
    }
}
