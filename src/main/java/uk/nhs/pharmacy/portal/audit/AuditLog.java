package uk.nhs.pharmacy.portal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.security.OrganisationPlace;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.security.Action;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.Actors;
import uk.nhs.pharmacy.portal.security.Deputyship;
import uk.nhs.pharmacy.portal.security.UserRepository;
import uk.nhs.pharmacy.portal.security.Authorizer;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import jakarta.annotation.Resource;
import jakarta.persistence.PersistenceException;
import uk.nhs.pharmacy.portal.platform.IdBlock;
import uk.nhs.pharmacy.portal.platform.PortalDataSource;
import uk.nhs.pharmacy.portal.platform.SqlRows;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Appends to the audit trail inside the caller's transaction ({@code MANDATORY}): an event
 * exists exactly when the change it records was committed.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditKey key;

    @Inject
    Actors actors;

    @Inject
    UserRepository users;

    /* The JTA transaction's own connection: a second handle on a shareable resource in one transaction. */
    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(AuditEntry entry) {
        AuditEvent event = eventOf(entry, clock.instant());
        em.persist(event); // assigns the id, which the MAC covers
        event.sign(key.mac(AuditRecord.of(event, null).canonical()));
        return event;
    }

    /**
     * Many entries at once, set-based, for work that writes thousands (the expiry sweep): their ids in
     * one block of the table generator's, the rows in one JDBC batch on the transaction's connection,
     * each signed as {@link #record} signs it. No entity is managed for them, so they cost no change
     * tracking at commit. Returns how many rows were written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        try {
            long id = IdBlock.reserveFirst(dataSource, "audit_event", entries.size());
            try (PreparedStatement insert = IdBlock.transactionsConnection(em).prepareStatement("INSERT INTO audit_event (id, occurred_at, actor, "
                    + "action, target_type, target_id, target_label, organisation_id, before_state, after_state, reason, "
                    + "mac, acting_for) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (AuditEntry entry : entries) {
                    AuditEvent event = eventOf(entry, now);
                    event.assignId(id++);
                    event.sign(key.mac(AuditRecord.of(event, null).canonical()));
                    SqlRows.bind(insert, event.getId(), Timestamp.from(event.getOccurredAt()), event.getActor(),
                            event.getAction(), event.getTargetType(), event.getTargetId(), event.getTargetLabel(),
                            event.getOrganisationId(), event.getBefore(), event.getAfter(), event.getReason(),
                            event.getMac(), event.getActingFor());
                    insert.addBatch();
                }
                return SqlRows.count(insert.executeBatch());
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not write " + entries.size() + " audit rows", e);
        }
    }

    private AuditEvent eventOf(AuditEntry entry, Instant at) {
        AuditTarget target = entry.target();
        AuditEvent event = new AuditEvent(at, entry.actor(), entry.action().name(), target.type().name(),
                target.id(), target.label(), entry.organisationId(), entry.change().before(), entry.change().after(),
                entry.reason());
        actingFor(entry).ifPresent(event::actingFor);
        return event;
    }

    /**
     * The absent LOA a deputy stands in for where this happened: only a signed-in user (not
     * {@code system:} work or an {@code hr:} token) with a running appointment, acting on an
     * organisation outside their own scope, acts "for" someone.
     */
    private Optional<String> actingFor(AuditEntry entry) {
        if (entry.organisationId() == null || entry.actor().contains(":")) {
            return Optional.empty();
        }
        if (entry.by() != null) {
            if (entry.by().deputyships().isEmpty()) {
                return Optional.empty();
            }
            Organisation place = em.find(Organisation.class, entry.organisationId());
            return place == null ? Optional.empty() : entry.by().actingFor(OrganisationPlace.of(place));
        }
        List<Deputyship> running = actors.deputyships(entry.actor(), clock.instant());
        if (running.isEmpty()) {
            return Optional.empty();
        }
        Organisation organisation = em.find(Organisation.class, entry.organisationId());
        return organisation == null ? Optional.empty() : users.findByUsername(entry.actor())
                .flatMap(u -> actors.inOwnRight(u).deputising(running).actingFor(OrganisationPlace.of(organisation)));
    }

    /** Newest first, one page. */
    public List<AuditEvent> forTarget(String targetType, long targetId, int first, int pageSize) {
        return em.createQuery("select e from AuditEvent e where e.targetType = :type and e.targetId = :id "
                        + "order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("type", targetType).setParameter("id", targetId)
                .setFirstResult(first).setMaxResults(pageSize)
                .getResultList();
    }

    /** Events about one person (labelled with their address), newest first. */
    public List<AuditEvent> forLabel(String label, int first, int pageSize) {
        return em.createQuery("select e from AuditEvent e where e.targetLabel = :label "
                        + "order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("label", label)
                .setFirstResult(first).setMaxResults(pageSize)
                .getResultList();
    }

    public List<AuditEvent> forOrganisation(long organisationId, int first, int pageSize) {
        return em.createQuery("select e from AuditEvent e where e.organisationId = :org "
                        + "order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("org", organisationId)
                .setFirstResult(first).setMaxResults(pageSize)
                .getResultList();
    }

    /** One page of the events in the actor's scope that match the search, newest first. */
    public List<AuditEvent> search(Actor actor, AuditQuery search, int first, int pageSize) {
        authorizer.check(actor, Action.SEARCH_AUDIT);
        TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e where " + scopeOf(actor)
                + search.jpql() + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        search.bind(query);
        return ScopeQuery.bind(query, actor).setFirstResult(first).setMaxResults(pageSize).getResultList();
    }

    public long count(Actor actor, AuditQuery search) {
        authorizer.check(actor, Action.SEARCH_AUDIT);
        TypedQuery<Long> query = em.createQuery("select count(e) from AuditEvent e where " + scopeOf(actor)
                + search.jpql(), Long.class);
        search.bind(query);
        return ScopeQuery.bind(query, actor).getSingleResult();
    }

    private static String scopeOf(Actor actor) {
        return ScopeQuery.isUnlimited(actor) ? "1 = 1"
                : "e.organisationId in (select o.id from Organisation o where " + ScopeQuery.condition(actor, "o") + ")";
    }
}
