package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.provisioning.ProvisioningOutbox;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reads for the mailbox screens, each checked against the reader's scope. */
@ApplicationScoped
public class MailboxQueries {

    private static final int HISTORY = 50;

    @Inject
    OrganisationRepository organisations;

    @Inject
    MailboxRepository mailboxes;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    ProvisioningOutbox outbox;

    @Inject
    Authorizer authorizer;

    @Inject
    Clock clock;

    /**
     * A personal account's page: visible to a national administrator, and to an LOA or owner whose
     * scope holds the person's home organisation or a premises they can reach.
     */
    public Optional<AccountDetails> account(Actor actor, MailAddress address) {
        Optional<PersonalAccount> found = accounts.findByAddress(address);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PersonalAccount account = found.get();
        List<Delegation> access = mailboxes.liveDelegationsOf(account.getId(), clock.instant());
        boolean visible = authorizer.may(actor, Action.VIEW, account.getHomeOrganisation())
                || access.stream().anyMatch(d -> authorizer.may(actor, Action.VIEW, d.getMailbox().getPremises()));
        if (!visible) {
            return Optional.empty();
        }
        return Optional.of(new AccountDetails(account, account.getHomeOrganisation().getName(), access,
                audit.forLabel(address.value(), 0, HISTORY)));
    }

    /** A premises the actor may see, without its lists: for changes that only need the premises and its mailbox. */
    public Optional<Organisation> visiblePremises(Actor actor, OdsCode code) {
        return organisations.findByOdsCode(code).filter(Organisation::isPremises)
                .filter(premises -> authorizer.may(actor, Action.VIEW, premises));
    }

    public Optional<SharedMailbox> openMailbox(Organisation premises) {
        return mailboxes.findOpenForPremises(premises.getId());
    }

    /** The premises page, or empty when there is no such premises or the actor may not see it. */
    public Optional<PremisesDetails> premises(Actor actor, OdsCode code) {
        Optional<Organisation> found = organisations.findByOdsCode(code).filter(Organisation::isPremises);
        if (found.isEmpty() || !authorizer.may(actor, Action.VIEW, found.get())) {
            return Optional.empty();
        }
        Organisation premises = found.get();
        SharedMailbox mailbox = mailboxes.findOpenForPremises(premises.getId()).orElse(null);
        List<Delegation> access = mailbox == null ? List.of() : mailboxes.liveDelegations(mailbox.getId(), clock.instant());
        return Optional.of(new PremisesDetails(premises,
                premises.getArea() == null ? null : premises.getArea().getName(),
                premises.getParent() == null ? null : premises.getParent().getName(),
                mailbox, access, audit.forOrganisation(premises.getId(), 0, HISTORY),
                mailbox == null ? List.of() : outbox.forMailbox(mailbox.getId(), 20),
                authorizer.may(actor, Action.MANAGE_ACCESS, premises)));
    }
}
