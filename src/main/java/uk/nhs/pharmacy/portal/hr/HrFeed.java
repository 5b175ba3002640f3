package uk.nhs.pharmacy.portal.hr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.account.AccountRepository;
import uk.nhs.pharmacy.portal.account.AccountService;
import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.leaver.LeaverService;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What an HR system's change means, through the same services as the screens (so the same rules,
 * scope checks, audit and mail-platform events):
 * <ul>
 *   <li>a new person: a personal account at their organisation;</li>
 *   <li>no longer active, or deleted: a leaver case "leaves the NHS", effective now (the successor
 *       rule applies to mailboxes they own, as on screen);</li>
 *   <li>another organisation of the same contractor: a mover, "leaves the premises" for the old one;
 *       no access is added at the new one;</li>
 *   <li>an organisation of another contractor: "leaves the contractor" for the old, then a joiner at
 *       the new;</li>
 *   <li>active again within NHSmail's 30 days: a joiner.</li>
 * </ul>
 * A person outside the caller's scope is {@link NotFound}, as anywhere else.
 */
@ApplicationScoped
@Transactional
public class HrFeed {

    @Inject
    AccountRepository accounts;

    @Inject
    AccountService accountService;

    @Inject
    LeaverService leaverService;

    @Inject
    OrganisationRepository organisations;

    @Inject
    Authorizer authorizer;

    @Inject
    Clock clock;

    /** The person with this account id, if the caller may see them and no HR system deleted them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PersonalAccount> find(@NotNull Actor actor, long id) {
        return accounts.find(id).filter(a -> !a.isDeletedByHr())
                .filter(a -> authorizer.may(actor, Action.VIEW, a.getHomeOrganisation()));
    }

    /** A joiner: the account NHSmail gave them, at their organisation. */
    public PersonalAccount create(@NotNull Actor actor, @NotNull HrPerson person) {
        Organisation home = organisation(actor, person.organisation());
        authorizer.check(actor, Action.MANAGE_ACCOUNTS, home);
        if (!person.active()) {
            throw RuleViolation.because("refusal.hr.newPersonIsActive");
        }
        return accountService.register(actor, home.getId(), person.address(), person.givenName(), person.familyName(),
                person.jobRole(), person.mobileDevice(), person.externalId());
    }

    /** The person as the HR system now states them; each difference becomes its portal action. */
    public PersonalAccount replace(@NotNull Actor actor, long id, @NotNull HrPerson wanted, Long expectedVersion) {
        PersonalAccount account = authorizer.found(actor, Action.VIEW, find(actor, id), PersonalAccount::getHomeOrganisation);
        if (expectedVersion != null && expectedVersion != account.getVersion()) {
            throw new VersionMismatch(account.getVersion());
        }
        if (!wanted.address().equals(account.getAddress())) {
            throw RuleViolation.because("refusal.hr.addressNeverChanges", account.getAddress());
        }
        String because = "HR system " + actor.username();
        if (!Objects.equals(wanted.externalId(), account.getExternalId())) {
            authorizer.check(actor, Action.MANAGE_ACCOUNTS, account.getHomeOrganisation());
            account.linkExternalId(wanted.externalId());
        }
        boolean detailsDiffer = !wanted.givenName().equals(account.getFirstName()) || !wanted.familyName().equals(account.getLastName())
                || wanted.jobRole() != account.getJobRole() || wanted.mobileDevice() != account.hasMobileDevice();
        if (detailsDiffer && account.getStatus() == AccountStatus.ACTIVE) {
            accountService.edit(actor, account.getAddress(), wanted.givenName(), wanted.familyName(), wanted.jobRole(),
                    wanted.mobileDevice());
        }
        Organisation newHome = wanted.organisation() == null ? account.getHomeOrganisation() : organisation(actor, wanted.organisation());
        boolean moves = !newHome.getId().equals(account.getHomeOrganisation().getId());
        switch (account.getStatus()) {
            case ACTIVE -> {
                if (!wanted.active()) {
                    leaveNhs(actor, account, because + ": no longer active");
                } else if (moves) {
                    move(actor, account, newHome, because);
                }
            }
            case LEAVER -> {
                if (wanted.active()) {
                    accountService.acceptJoiner(actor, account.getAddress(), newHome.getOdsCode(), because + ": active again");
                }
            }
            case DISABLED -> {
                if (wanted.active()) {
                    throw RuleViolation.because("refusal.account.joinerWindowPassed", account.getAddress());
                }
            }
        }
        return account;
    }

    /** Deleted by the HR system: the same leaver case as "not active"; SCIM shows the person no more. */
    public void delete(@NotNull Actor actor, long id, Long expectedVersion) {
        PersonalAccount account = authorizer.found(actor, Action.VIEW, find(actor, id), PersonalAccount::getHomeOrganisation);
        if (expectedVersion != null && expectedVersion != account.getVersion()) {
            throw new VersionMismatch(account.getVersion());
        }
        authorizer.check(actor, Action.RUN_LEAVER, account.getHomeOrganisation());
        if (account.getStatus() == AccountStatus.ACTIVE) {
            leaveNhs(actor, account, "HR system " + actor.username() + ": deleted");
        }
        account.markDeletedByHr(clock.instant());
    }

    private void leaveNhs(Actor actor, PersonalAccount account, String reason) {
        leaverService.open(actor, new LeaverService.LeaverRequest(account.getAddress(), LeaverKind.LEAVES_NHS, null,
                clock.instant(), reason));
    }

    /**
     * Within the contractor: "leaves the premises" for the premises left, then the new home. To another
     * contractor: "leaves the contractor" for the old one, then the new home (NHSmail's joiner).
     */
    private void move(Actor actor, PersonalAccount account, Organisation newHome, String because) {
        Organisation oldHome = account.getHomeOrganisation();
        Organisation oldContractor = contractorOf(oldHome);
        Organisation newContractor = contractorOf(newHome);
        if (oldContractor != null && oldContractor.getId().equals(newContractor == null ? null : newContractor.getId())) {
            if (oldHome.getKind() == OrganisationKind.PREMISES) {
                leaverService.open(actor, new LeaverService.LeaverRequest(account.getAddress(), LeaverKind.LEAVES_PREMISES,
                        oldHome.getOdsCode(), clock.instant(), because + ": moves to " + newHome.getOdsCode()));
            }
        } else if (oldContractor != null) {
            leaverService.open(actor, new LeaverService.LeaverRequest(account.getAddress(), LeaverKind.LEAVES_CONTRACTOR,
                    oldContractor.getOdsCode(), clock.instant(), because + ": joins " + newHome.getOdsCode()));
        }
        accountService.move(actor, account.getAddress(), newHome.getId(), because + ": moves from " + oldHome.getOdsCode());
    }

    private static Organisation contractorOf(Organisation organisation) {
        return switch (organisation.getKind()) {
            case CONTRACTOR -> organisation;
            case PREMISES -> organisation.getParent();
            default -> null;
        };
    }

    /**
     * An organisation a person can belong to: a premises or contractor the caller may see. One that is
     * missing, of another kind or out of scope is the same wrong value, so the answer tells nothing more.
     */
    private Organisation organisation(Actor actor, OdsCode code) {
        if (code == null) {
            throw RuleViolation.because("refusal.hr.organisationNeeded");
        }
        return organisations.findByOdsCode(code)
                .filter(o -> o.getKind() == OrganisationKind.PREMISES || o.getKind() == OrganisationKind.CONTRACTOR)
                .filter(o -> authorizer.may(actor, Action.VIEW, o))
                .orElseThrow(() -> RuleViolation.because("refusal.hr.noSuchOrganisation", code));
    }

    /** The client's If-Match named a version that is no longer current. */
    public static class VersionMismatch extends RuntimeException {
        private final long current;

        public VersionMismatch(long current) {
            super("The person changed since version " + current);
            this.current = current;
        }

        public long current() {
            return current;
        }
    }
}
