package uk.nhs.pharmacy.portal.it;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.leaver.LeaverKind;
import uk.nhs.pharmacy.portal.mailbox.Delegation;
import uk.nhs.pharmacy.portal.mailbox.Permission;
import uk.nhs.pharmacy.portal.notification.Notification;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.request.AccessRequest;
import uk.nhs.pharmacy.portal.request.ExpiryReminders;
import uk.nhs.pharmacy.portal.request.RequestKind;
import uk.nhs.pharmacy.portal.request.RequestService;
import uk.nhs.pharmacy.portal.request.RequestState;
import uk.nhs.pharmacy.portal.security.AccessDeniedException;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Owners' requests in the container: approval applies the change with its evidence and mail in one transaction. */
abstract class RequestServiceChecks extends OnboardingServiceChecks {


    @Inject
    RequestService requests;

    @Inject
    ExpiryReminders reminders;

    @Inject
    Actors actors;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    private Actor actor(String username) {
        return actors.forUsername(username).orElseThrow();
    }

    private <T> T fresh(java.util.function.Supplier<T> read) {
        return Transactions.fresh(tx, read);
    }


    private List<Notification> mailTo(String address) {
        return fresh(() -> em.createQuery("select n from Notification n where n.recipient = :to order by n.id",
                Notification.class).setParameter("to", address).getResultList());
    }

    private static RequestService.RequestInput grantNewPerson(String lastName, String reason) {
        return new RequestService.RequestInput(RequestKind.GRANT, OdsCode.premises("FM664"), null, "Nia", lastName,
                JobRole.LOCUM_PHARMACIST, null, EnumSet.of(Permission.FULL_ACCESS), false, LocalDate.now().plusDays(5),
                null, null, reason);
    }

    @Test
    void approvingAGrantForANewLocumCreatesTheAccountGrantsAccessAndTellsBothSides() {
        int loaMailBefore = mailTo("ben.lever@nhs.net").size();
        AccessRequest submitted = requests.submit(actor("owner.a1"), grantNewPerson("Newlocum", "Cover next week"));
        assertThat(submitted.getState()).isEqualTo(RequestState.SUBMITTED);
        List<Notification> toLoa = mailTo("ben.lever@nhs.net");
        assertThat(toLoa).hasSize(loaMailBefore + 1);
        assertThat(toLoa.get(toLoa.size() - 1).getSubject()).contains("Access request " + submitted.getId())
                .contains("FM664");
        assertThat(mailTo("grace.manning@nhs.net")).as("the GM LOA covers Bolton too")
                .anyMatch(n -> n.getSubject().contains("Access request " + submitted.getId() + " "));

        AccessRequest applied = requests.approve(actor("loa.bolton"), submitted.getId(), false, "Agreed");
        assertThat(applied.getState()).isEqualTo(RequestState.APPLIED);
        assertThat(applied.getDecidedBy()).isEqualTo("loa.bolton");
        assertThat(applied.getAccount().getAddress().value()).startsWith("nia.newlocum");
        Delegation granted = fresh(() -> em.createQuery("select d from Delegation d where d.account.address = :a "
                + "and d.revokedAt is null", Delegation.class)
                .setParameter("a", applied.getAccount().getAddress()).getSingleResult());
        assertThat(granted.getGrantedBy()).isEqualTo("loa.bolton");
        assertThat(granted.getGrantReason()).startsWith("Request #" + submitted.getId() + " from owner.a1");
        assertThat(granted.getExpiresAt()).isNotNull();
        assertThat(mailTo("asha.aziz@nhs.net")).anyMatch(n -> n.getSubject().equals(
                "Your access request " + submitted.getId() + " was approved") && n.getBody().contains("loa.bolton"));
        assertThat(fresh(() -> em.createQuery("select e.before from AuditEvent e where e.action = 'REQUEST_APPROVED' "
                + "and e.targetId = :id", String.class).setParameter("id", submitted.getId()).getSingleResult()))
                .as("the evidence keeps requester and approver together").contains("requested by owner.a1");
        assertThrows(RuleViolation.class, () -> requests.approve(actor("loa.gm"), submitted.getId(), false, "Again"));
    }

    @Test
    void nobodyDecidesTheirOwnRequestEvenUnderAnotherLogin() {
        // Asha, the owner, is also given an LOA login for Bolton: the same person, so still her own request.
        fresh(() -> {
            long ashaAccount = em.createQuery("select a.id from PersonalAccount a where a.address = :a", Long.class)
                    .setParameter("a", MailAddress.of("asha.aziz@nhs.net")).getSingleResult();
            em.createNativeQuery("INSERT INTO portal_user (id, username, password_hash, display_name, role, enabled, "
                    + "account_id, version) SELECT 990001, 'loa.asha', password_hash, 'Asha Aziz (LOA)', 'LOA', TRUE, ?, 1 "
                    + "FROM portal_user WHERE username = 'loa.bolton' AND NOT EXISTS "
                    + "(SELECT 1 FROM portal_user WHERE username = 'loa.asha')").setParameter(1, ashaAccount).executeUpdate();
            em.createNativeQuery("INSERT INTO user_scope (user_id, organisation_id) SELECT 990001, s.organisation_id "
                    + "FROM user_scope s JOIN portal_user u ON u.id = s.user_id WHERE u.username = 'loa.bolton' AND NOT EXISTS "
                    + "(SELECT 1 FROM user_scope WHERE user_id = 990001)").executeUpdate();
            return null;
        });
        AccessRequest mine = requests.submit(actor("owner.a1"), grantNewPerson("Ownrequest", "For my own shop"));
        RuleViolation own = assertThrows(RuleViolation.class,
                () -> requests.approve(actor("loa.asha"), mine.getId(), false, "Looks fine to me"));
        assertThat(own.getMessage()).contains("your own request");
        assertThrows(RuleViolation.class, () -> requests.reject(actor("loa.asha"), mine.getId(), "Nope"));
        assertThrows(NotFound.class, () -> requests.approve(actor("owner.cohens"), mine.getId(), false, "x"));
        assertThrows(NotFound.class, () -> requests.withdraw(actor("owner.cohens"), mine.getId()));
        assertThrows(AccessDeniedException.class, () -> requests.approve(actor("owner.a1"), mine.getId(), false, "x"),
                "an owner may see their request but not decide it");
        assertThat(requests.withdraw(actor("owner.a1"), mine.getId()).getState()).isEqualTo(RequestState.WITHDRAWN);
    }

    @Test
    void anApprovedLeaverReportStartsTheLeaverWorkflow() {
        AccessRequest grant = requests.submit(actor("owner.a1"), grantNewPerson("Leavesoon", "Short contract"));
        AccessRequest granted = requests.approve(actor("loa.bolton"), grant.getId(), false, null);
        MailAddress person = granted.getAccount().getAddress();
        AccessRequest leaver = requests.submit(actor("owner.a1"), new RequestService.RequestInput(RequestKind.LEAVER,
                OdsCode.premises("FM664"), person, null, null, null, null, null, false, null, LeaverKind.LEAVES_PREMISES,
                null, "Contract ended"));
        AccessRequest done = requests.approve(actor("loa.bolton"), leaver.getId(), false, "Leaver confirmed");
        assertThat(done.getState()).isEqualTo(RequestState.APPLIED);
        assertThat(done.getResult()).startsWith("Leaver case ").endsWith("CLOSED");
        assertThat(fresh(() -> em.createQuery("select count(d) from Delegation d where d.account.address = :a "
                + "and d.revokedAt is null", Long.class).setParameter("a", person).getSingleResult())).isZero();
    }

    @Test
    void ownersAreRemindedOnceAWeekBeforeALocumsAccessEnds() {
        AccessRequest grant = requests.submit(actor("owner.a1"), grantNewPerson("Reminded", "Two-day cover"));
        requests.approve(actor("loa.bolton"), grant.getId(), false, null);
        Instant now = Instant.now();
        assertThat(reminders.remind(now)).isGreaterThanOrEqualTo(1);
        assertThat(mailTo("asha.aziz@nhs.net")).filteredOn(n -> n.getSubject().startsWith("Access to A1 Pharmacy ends"))
                .anyMatch(n -> n.getBody().contains("nia.reminded"));
        long before = mailTo("asha.aziz@nhs.net").size();
        reminders.remind(now.plus(Duration.ofHours(1)));
        assertThat(mailTo("asha.aziz@nhs.net")).as("once per expiry").hasSize((int) before);
    }
}
