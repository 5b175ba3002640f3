package uk.nhs.pharmacy.portal.hr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uk.nhs.pharmacy.portal.audit.AuditAction;
import uk.nhs.pharmacy.portal.audit.AuditEntry;
import uk.nhs.pharmacy.portal.audit.AuditLog;
import uk.nhs.pharmacy.portal.audit.AuditTarget;
import uk.nhs.pharmacy.portal.audit.AuditTargetType;
import uk.nhs.pharmacy.portal.audit.Change;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;
import uk.nhs.pharmacy.portal.organisation.OrganisationRepository;
import uk.nhs.pharmacy.portal.platform.NotFound;
import uk.nhs.pharmacy.portal.platform.Reason;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;
import uk.nhs.pharmacy.portal.security.Authorizer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The national team's tokens for HR systems: issued, rotated and revoked (each audited), and the
 * check of a presented secret, which gives the HR system's {@link Actor}. A secret is shown once,
 * when it is made; only its SHA-256 is kept.
 */
@ApplicationScoped
@Transactional
public class HrTokens {

    /** How often the "last used" time of a busy token is written: not on every call. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    private static final String PREFIX = "hrt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    OrganisationRepository organisations;

    @Inject
    Authorizer authorizer;

    @Inject
    Actors actors;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A token and its secret, which is shown this once. */
    public record Issued(HrToken token, String secret) {
    }

    /** A token for the HR system {@code name}, scoped to contractors or areas given by ODS code. */
    public Issued issue(@NotNull Actor actor, @Size(max = 120, message = "is too long: at most {max} characters") String name,
                        @NotNull List<OdsCode> scope) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        Set<Long> ids = new LinkedHashSet<>();
        for (OdsCode code : scope) {
            Organisation organisation = organisations.findByOdsCode(code)
                    .orElseThrow(() -> RuleViolation.because("refusal.hr.noSuchOrganisation", code));
            if (organisation.getKind() != OrganisationKind.CONTRACTOR && organisation.getKind() != OrganisationKind.AREA) {
                throw RuleViolation.because("refusal.hr.scopeIsContractorOrArea", code, organisation.getKind());
            }
            ids.add(organisation.getId());
        }
        if (name != null && byName(name.strip()).isPresent()) {
            throw RuleViolation.because("refusal.hr.tokenNameTaken", name.strip());
        }
        String secret = newSecret();
        HrToken token = new HrToken(name, ids, hash(secret), actor.username(), clock.instant());
        em.persist(token);
        em.flush();
        audit.record(AuditEntry.by(actor, AuditAction.HR_TOKEN_ISSUED, target(token), null,
                Change.to("for " + scope.stream().map(OdsCode::value).collect(Collectors.joining(", "))), null));
        return new Issued(token, secret);
    }

    /** A new secret for the token; the previous one works for {@link HrToken#CHANGE_OVER} more. */
    public Issued rotate(@NotNull Actor actor, long tokenId) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        HrToken token = find(tokenId).orElseThrow(NotFound::new);
        String secret = newSecret();
        token.rotate(hash(secret), clock.instant());
        audit.record(AuditEntry.by(actor, AuditAction.HR_TOKEN_ROTATED, target(token), null,
                Change.to("new secret; the previous one works until " + clock.instant().plus(HrToken.CHANGE_OVER)), null));
        return new Issued(token, secret);
    }

    /** The token stops working at once, both its secrets. */
    public HrToken revoke(@NotNull Actor actor, long tokenId, @Reason String reason) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        HrToken token = find(tokenId).orElseThrow(NotFound::new);
        token.revoke(actor.username(), clock.instant());
        audit.record(AuditEntry.by(actor, AuditAction.HR_TOKEN_REVOKED, target(token), null,
                Change.of("live", "revoked"), reason));
        return token;
    }

    /** Every token, newest first, one page; for the national team. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HrToken> list(@NotNull Actor actor, int first, int max) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        return em.createQuery("select t from HrToken t order by t.issuedAt desc, t.id desc", HrToken.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** One page of {@link #list} as the page shows it, with each token's ODS codes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HrTokenRow> rows(@NotNull Actor actor, int first, int max) {
        return list(actor, first, max).stream().map(t -> new HrTokenRow(t.getId(), t.getName(), scopeCodes(t), t.getIssuedBy(),
                t.getIssuedAt(), t.getRotatedAt(), t.getLastUsedAt(), t.getRevokedAt())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(@NotNull Actor actor) {
        authorizer.check(actor, Action.ADMINISTER_NATIONAL);
        return em.createQuery("select count(t) from HrToken t", Long.class).getSingleResult();
    }

    /** The ODS codes of a token's organisations, for showing it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> scopeCodes(HrToken token) {
        if (token.getOrganisationIds().isEmpty()) {
            return List.of();
        }
        return em.createQuery("select o.odsCode from Organisation o where o.id in :ids order by o.odsCode", OdsCode.class)
                .setParameter("ids", List.copyOf(token.getOrganisationIds())).getResultList()
                .stream().map(OdsCode::value).toList();
    }

    /**
     * The HR system a presented secret belongs to, as an actor scoped to its token's organisations;
     * empty for an unknown, revoked or expired secret (the caller answers 401 and says no more).
     */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(presented);
        Instant now = clock.instant();
        Optional<HrToken> token = em.createQuery("select t from HrToken t where t.secretHash = :hash or t.previousHash = :hash",
                        HrToken.class)
                .setParameter("hash", hash).getResultStream().findFirst().filter(t -> t.opens(hash, now));
        token.filter(t -> t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY)))
                .ifPresent(t -> t.used(now));
        return token.map(t -> new Caller(t.getId(), t.getName(), actors.forHrSystem(t.getName(), t.getOrganisationIds())));
    }

    /** Who called: the token and the actor the services see. */
    public record Caller(long tokenId, String tokenName, Actor actor) implements java.io.Serializable {
    }

    /** Every call an HR system makes is audited: the method, the path, the answer's status. */
    public void recordCall(Caller caller, String method, String path, int status) {
        String call = method + " " + (path.length() > 400 ? path.substring(0, 400) : path) + " answered " + status;
        audit.record(new AuditEntry(caller.actor().username(), AuditAction.HR_CALL,
                new AuditTarget(AuditTargetType.HR_TOKEN, caller.tokenId(), caller.tokenName()), null, Change.to(call), null));
    }

    private Optional<HrToken> find(long id) {
        return Optional.ofNullable(em.find(HrToken.class, id));
    }

    private Optional<HrToken> byName(String name) {
        return em.createQuery("select t from HrToken t where t.name = :name", HrToken.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private static AuditTarget target(HrToken token) {
        return new AuditTarget(AuditTargetType.HR_TOKEN, token.getId(), token.getName());
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
