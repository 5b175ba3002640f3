package uk.nhs.pharmacy.portal.audit;

import jakarta.persistence.TypedQuery;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What to look for in the audit trail: a person (their NHSmail address), a premises (organisation
 * id), who acted, and a date range (UK days, inclusive). Each part is optional; each uses an index.
 */
public record AuditQuery(String person, Long organisationId, String actor, LocalDate from, LocalDate to)
        implements Serializable {

    private static final ZoneId UK = uk.nhs.pharmacy.portal.platform.UkTime.ZONE;

    public static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null, null);

    public AuditQuery {
        person = blankToNull(person == null ? null : person.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", "."));
        actor = blankToNull(actor == null ? null : actor.toLowerCase(Locale.ROOT));
    }

    /**
     * A whole address finds that person; anything else is the start of addresses, as people type a
     * name ("Asha Aziz" finds asha.aziz@nhs.net and asha.aziz2@nhs.net), through the label's index.
     * The escape character is '!', not a backslash, which MySQL would read inside the literal.
     */
    private boolean personIsAnAddress() {
        return person.contains("@");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    String jpql() {
        StringBuilder where = new StringBuilder();
        if (person != null) where.append(personIsAnAddress() ? " and e.targetLabel = :person" : " and e.targetLabel like :person escape '!'");
        if (organisationId != null) where.append(" and e.organisationId = :organisationId");
        if (actor != null) where.append(" and (e.actor = :actor or e.actingFor = :actor)");
        if (from != null) where.append(" and e.occurredAt >= :from");
        if (to != null) where.append(" and e.occurredAt < :to");
        return where.toString();
    }

    void bind(TypedQuery<?> query) {
        if (person != null) query.setParameter("person", personIsAnAddress() ? person
                : person.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        if (organisationId != null) query.setParameter("organisationId", organisationId);
        if (actor != null) query.setParameter("actor", actor);
        if (from != null) query.setParameter("from", from.atStartOfDay(UK).toInstant());
        if (to != null) query.setParameter("to", uk.nhs.pharmacy.portal.platform.UkTime.endOf(to));
    }
}
