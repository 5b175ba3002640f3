package uk.nhs.pharmacy.portal.account;

import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.platform.PersonName;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Creating and editing staff and locum personal accounts, in scope, audited. */
@ApplicationScoped
@Transactional
public class AccountService {


    @PersistenceContext
    EntityManager em;

    @Inject
    AccountRepository accounts;

    @Inject
    OrganisationRepository organisations;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A new account at its home organisation, addressed firstname.lastname[n]@nhs.net. */
    public PersonalAccount create(@NotNull Actor actor, long homeOrganisationId, @PersonName String firstName,
                                  @PersonName String lastName, @NotNull JobRole jobRole, boolean mobileDevice) {
        Organisation home = organisations.find(homeOrganisationId)
                .orElseThrow(NotFound::new);
        authorizer.check(actor, Action.MANAGE_ACCOUNTS, home);
        String plain = MailAddress.forPerson(firstName, lastName, 1).localPart();
        List<String> taken = em.createQuery("select a.address from PersonalAccount a where a.address like :prefix",
                        MailAddress.class)
                .setParameter("prefix", plain + "%").getResultList().stream().map(MailAddress::value).toList();
        PersonalAccount account = new PersonalAccount(AddressAllocation.next(firstName, lastName, taken), firstName,
                lastName, jobRole, home);
        account.registerMobileDevice(mobileDevice);
        accounts.add(account);
        em.flush(); // a clash with a concurrent creation fails here, inside this transaction
        audit.record(AuditEntry.by(actor, AuditAction.ACCOUNT_CREATED,
                new AuditTarget(AuditTargetType.ACCOUNT, account.getId(), account.getAddress().value()), home.getId(),
                Change.to(account.displayName() + ", " + jobRole + " at " + home.getName()), null));
        return account;
    }

    /**
     * A person NHSmail already gave an address (an HR system's joiner, over SCIM): the account is
     * created with that address, at its home organisation. An address already in use is refused.
     */
    public PersonalAccount register(@NotNull Actor actor, long homeOrganisationId, @NotNull MailAddress address,
                                    @PersonName String firstName, @PersonName String lastName, @NotNull JobRole jobRole,
                                    boolean mobileDevice, String externalId) {
        Organisation home = organisations.find(homeOrganisationId).orElseThrow(NotFound::new);
        authorizer.check(actor, Action.MANAGE_ACCOUNTS, home);
        if (accounts.findByAddress(address).isPresent()) {
            throw RuleViolation.because("refusal.account.addressTaken", address);
        }
        PersonalAccount account = new PersonalAccount(address, firstName, lastName, jobRole, home);
        account.registerMobileDevice(mobileDevice);
        account.linkExternalId(externalId);
        accounts.add(account);
        em.flush();
        audit.record(AuditEntry.by(actor, AuditAction.ACCOUNT_CREATED,
                new AuditTarget(AuditTargetType.ACCOUNT, account.getId(), address.value()), home.getId(),
                Change.to(account.displayName() + ", " + jobRole + " at " + home.getName()), null));
        return account;
    }

    /**
     * A mover within one contractor: the account's home becomes another of its premises (or the
     * contractor). Access at the old premises is a leaver case's business, not this method's.
     */
    public PersonalAccount move(@NotNull Actor actor, @NotNull MailAddress address, long newHomeId, @Reason String reason) {
        PersonalAccount account = accounts.findByAddress(address).orElseThrow(NotFound::new);
        authorizer.check(actor, Action.MANAGE_ACCOUNTS, account.getHomeOrganisation());
        Organisation newHome = organisations.find(newHomeId).orElseThrow(NotFound::new);
        authorizer.check(actor, Action.MANAGE_ACCOUNTS, newHome);
        Organisation before = account.getHomeOrganisation();
        account.moveHome(newHome);
        audit.record(AuditEntry.by(actor, AuditAction.ACCOUNT_MOVED,
                new AuditTarget(AuditTargetType.ACCOUNT, account.getId(), address.value()), newHome.getId(),
                Change.of(before.getName() + " (" + before.getOdsCode() + ")", newHome.getName() + " (" + newHome.getOdsCode() + ")"),
                reason));
        return account;
    }

    /** Names, job role and the mobile-device flag; the address never changes. */
    public PersonalAccount edit(@NotNull Actor actor, @NotNull MailAddress address, @PersonName String firstName,
                                @PersonName String lastName, @NotNull JobRole jobRole, boolean mobileDevice) {
        PersonalAccount account = accounts.findByAddress(address)
                .orElseThrow(NotFound::new);
        authorizer.check(actor, Action.MANAGE_ACCOUNTS, account.getHomeOrganisation());
        String before = account.displayName() + ", " + account.getJobRole() + ", mobile " + account.hasMobileDevice();
        account.rename(firstName, lastName);
        account.changeJobRole(jobRole);
        account.registerMobileDevice(mobileDevice);
        audit.record(AuditEntry.by(actor, AuditAction.ACCOUNT_CHANGED,
                new AuditTarget(AuditTargetType.ACCOUNT, account.getId(), address.value()), account.getHomeOrganisation().getId(),
                Change.of(before, account.displayName() + ", " + jobRole + ", mobile " + mobileDevice), null));
        return account;
    }

    /**
     * A leaver accepted by another organisation within NHSmail's 30 days: the account becomes active
     * at its new home. Access taken away by the leaver case stays revoked; new access is granted afresh.
     */
    public PersonalAccount acceptJoiner(@NotNull Actor actor, @NotNull MailAddress address, @NotNull OdsCode newHomeCode,
                                       @Reason String reason) {
        PersonalAccount account = accounts.findByAddress(address)
                .orElseThrow(NotFound::new);
        Organisation newHome = organisations.findByOdsCode(newHomeCode)
                .orElseThrow(NotFound::new);
        authorizer.check(actor, Action.MANAGE_ACCOUNTS, newHome);
        String before = account.getStatus() + " since " + account.getLeaverSince() + ", home "
                + account.getHomeOrganisation().getName();
        account.acceptAsJoiner(newHome, clock.instant());
        audit.record(AuditEntry.by(actor, AuditAction.ACCOUNT_JOINED,
                new AuditTarget(AuditTargetType.ACCOUNT, account.getId(), address.value()), newHome.getId(),
                Change.of(before, "ACTIVE at " + newHome.getName() + " (" + newHome.getOdsCode() + ")"), reason));
        return account;
    }

    /** Disables leavers whose 30 days passed with no joiner; done by the system, audited, idempotent. */
    public int disableLapsedLeavers(@NotNull Actor system, @NotNull Instant now) {
        // A range with both ends: with only "<= cutoff", H2 reads the index from its start, through the
        // null leaver dates of every account that is not a leaver.
        List<PersonalAccount> lapsed = em.createQuery("select a from PersonalAccount a where a.status = :leaver "
                        + "and a.leaverSince between :epoch and :cutoff", PersonalAccount.class)
                .setParameter("leaver", AccountStatus.LEAVER)
                .setParameter("epoch", Instant.EPOCH)
                .setParameter("cutoff", now.minus(PersonalAccount.LEAVER_GRACE))
                .setMaxResults(1000).getResultList();
        for (PersonalAccount account : lapsed) {
            account.disable();
            audit.record(new AuditEntry(system.username(), AuditAction.ACCOUNT_DISABLED, new AuditTarget(AuditTargetType.ACCOUNT, account.getId(), account.getAddress().value()), account.getHomeOrganisation().getId(), Change.of("LEAVER since "
                            + account.getLeaverSince(), "DISABLED"), "No organisation accepted the leaver within 30 days"));
        }
        return lapsed.size();
    }
}
