package uk.nhs.pharmacy.portal.mailbox;

import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Column filters for a premises list, applied in the database: ODS code and postcode match from
 * the start (upper case, as stored), trading name and area match anywhere, ignoring case.
 */
public final class PremisesFilter {

    public static final PremisesFilter NONE = new PremisesFilter(Map.of());

    private final Map<String, String> values;

    private PremisesFilter(Map<String, String> values) {
        this.values = values;
    }

    /** From column filters as typed: unknown columns and blank values are ignored. */
    public static PremisesFilter of(Map<String, String> typed) {
        Map<String, String> values = new LinkedHashMap<>();
        typed.forEach((field, raw) -> {
            if (raw == null || raw.isBlank()) {
                return;
            }
            String v = raw.strip();
            if (field.equals("mailboxStatus") && !v.equals("NONE")) {
                try {
                    MailboxStatus.valueOf(v.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    return; // not a status: no filter
                }
            }
            switch (field) {
                case "odsCode" -> values.put("odsCode", v.toUpperCase(Locale.ROOT) + "%");
                case "postcode" -> values.put("postcode", postcodeStart(v));
                case "name" -> values.put("name", "%" + v.toLowerCase(Locale.ROOT) + "%");
                case "area" -> values.put("area", "%" + v.toLowerCase(Locale.ROOT) + "%");
                case "mailboxStatus" -> values.put("mailboxStatus", v.toUpperCase(Locale.ROOT));
                case "search" -> {
                    values.put("searchStart", v.toUpperCase(Locale.ROOT) + "%");
                    values.put("searchPostcode", postcodeStart(v));
                    values.put("searchName", "%" + v.toLowerCase(Locale.ROOT) + "%");
                }
                case "problems" -> {
                    if (Boolean.parseBoolean(v)) {
                        values.put("problems", "true");
                    }
                }
                default -> { }
            }
        });
        return new PremisesFilter(values);
    }

    /** No filter at all: the whole scope. */
    boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The start of a postcode as stored ("BL3 1SX"): a whole postcode is matched however it was
     * typed ("bl31sx", "BL3  1SX"); a part ("BL3") from the start as typed.
     */
    static String postcodeStart(String typed) {
        try {
            return uk.nhs.pharmacy.portal.organisation.Postcode.of(typed).value() + "%";
        } catch (uk.nhs.pharmacy.portal.platform.InvalidValueException notWhole) {
            return typed.strip().toUpperCase(Locale.ROOT) + "%";
        }
    }

    String jpql() {
        StringBuilder where = new StringBuilder();
        if (values.containsKey("odsCode")) where.append(" and o.odsCode like :odsCode");
        if (values.containsKey("searchStart")) {
            // One box for what people type: an F code, a postcode (both from the start) or part of a name.
            where.append(" and (o.odsCode like :searchStart or o.postcode like :searchPostcode or lower(o.name) like :searchName)");
        }
        if (values.containsKey("postcode")) where.append(" and o.postcode like :postcode");
        if (values.containsKey("name")) where.append(" and lower(o.name) like :name");
        if (values.containsKey("area")) where.append(" and lower(a.name) like :area");
        String status = values.get("mailboxStatus");
        if ("NONE".equals(status)) {
            where.append(" and not exists (select m from SharedMailbox m where m.premises = o and m.status <> :closedStatus)");
        } else if (status != null) {
            where.append(" and exists (select m from SharedMailbox m where m.premises = o and m.status = :mailboxStatus)");
        }
        if (values.containsKey("problems")) {
            // No open mailbox, a legacy one, or an active one below 2 live accounts or with no owner.
            where.append(" and (not exists (select m from SharedMailbox m where m.premises = o and m.status in :usable)"
                    + " or exists (select m from SharedMailbox m where m.premises = o and m.status = :legacyStatus)"
                    + " or exists (select m from SharedMailbox m where m.premises = o and m.status = :activeStatus and ("
                    + "(select count(d) from Delegation d where d.mailbox = m and " + LIVE + ") < " + SharedMailbox.MIN_LIVE_ACCOUNTS
                    + " or not exists (select d from Delegation d where d.mailbox = m and d.owner = true and " + LIVE + "))))");
        }
        return where.toString();
    }

    static final String LIVE = Delegation.LIVE;

    void bind(TypedQuery<?> query, java.time.Instant now) {
        values.forEach((key, value) -> {
            switch (key) {
                case "mailboxStatus" -> {
                    if ("NONE".equals(value)) {
                        query.setParameter("closedStatus", MailboxStatus.CLOSED);
                    } else {
                        query.setParameter("mailboxStatus", MailboxStatus.valueOf(value));
                    }
                }
                case "problems" -> {
                    query.setParameter("usable", java.util.List.of(MailboxStatus.ACTIVE, MailboxStatus.LEGACY_NON_CONFORMING));
                    query.setParameter("legacyStatus", MailboxStatus.LEGACY_NON_CONFORMING);
                    query.setParameter("activeStatus", MailboxStatus.ACTIVE);
                    query.setParameter("now", now);
                }
                default -> query.setParameter(key, value);
            }
        });
    }
}
