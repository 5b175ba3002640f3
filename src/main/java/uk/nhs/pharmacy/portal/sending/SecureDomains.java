package uk.nhs.pharmacy.portal.sending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.provisioning.SocketmapLookup;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The secure-domain list and the one check of an address against it, for the checker on screen and
 * in the API and for the mail platform's content filter (the socketmap map {@code secure}). The
 * national team adds and removes entries, each audited with a reason.
 */
@ApplicationScoped
@Transactional
public class SecureDomains implements SocketmapLookup {

    @PersistenceContext
    EntityManager em;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The answer for one address: safe or not, why (a bundle key), and the entry that covers it. */
    public record Verdict(String address, boolean safe, String reasonKey, String entry) implements java.io.Serializable {
    }

    /** The list, alphabetically; a few dozen domains. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SecureDomain> list() {
        return em.createQuery("select d from SecureDomain d order by d.domain", SecureDomain.class).setMaxResults(1000).getResultList();
    }

    /** Whether patient data may be sent to the address, and why. Anyone signed in may ask. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verdict check(String address) {
        String raw = address == null ? "" : address.strip();
        Optional<String> domain = SecureDomainRule.domainOf(raw);
        if (domain.isEmpty()) {
            return new Verdict(raw, false, "sending.verdict.notAnAddress", null);
        }
        return list().stream().map(SecureDomain::getDomain).filter(entry -> SecureDomainRule.covers(entry, domain.get()))
                .findFirst()
                .map(entry -> new Verdict(raw, true, entry.equals(domain.get()) ? "sending.verdict.listed" : "sending.verdict.subdomain", entry))
                .orElseGet(() -> new Verdict(raw, false, "sending.verdict.notListed", null));
    }

    public SecureDomain add(@NotNull Actor actor, String domain, @Reason String reason) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        SecureDomain entry = new SecureDomain(domain, actor.username(), clock.instant());
        if (list().stream().anyMatch(d -> d.getDomain().equals(entry.getDomain()))) {
            throw RuleViolation.because("refusal.sending.alreadyListed", entry.getDomain());
        }
        em.persist(entry);
        em.flush();
        audit.record(AuditEntry.by(actor, AuditAction.SECURE_DOMAIN_ADDED,
                new AuditTarget(AuditTargetType.SECURE_DOMAIN, entry.getId(), entry.getDomain()), null,
                Change.to(entry.getDomain()), reason));
        return entry;
    }

    public void remove(@NotNull Actor actor, long id, @Reason String reason) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        SecureDomain entry = Optional.ofNullable(em.find(SecureDomain.class, id)).orElseThrow(NotFound::new);
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.because("refusal.sending.removalNeedsReason");
        }
        em.remove(entry);
        audit.record(AuditEntry.by(actor, AuditAction.SECURE_DOMAIN_REMOVED,
                new AuditTarget(AuditTargetType.SECURE_DOMAIN, id, entry.getDomain()), null,
                Change.of(entry.getDomain(), "removed"), reason));
    }

    /** The content filter's question: "secure &lt;recipient&gt;", answered OK with the entry, or NOTFOUND. */
    @Override
    public String map() {
        return "secure";
    }

    @Override
    public Optional<String> find(String recipient) {
        Verdict verdict = check(recipient);
        return verdict.safe() ? Optional.of(verdict.entry()) : Optional.empty();
    }
}
