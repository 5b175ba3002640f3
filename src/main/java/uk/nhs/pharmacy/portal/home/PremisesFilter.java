package uk.nhs.pharmacy.portal.home;

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
            switch (field) {
                case "odsCode" -> values.put("odsCode", v.toUpperCase(Locale.ROOT) + "%");
                case "postcode" -> values.put("postcode", v.toUpperCase(Locale.ROOT) + "%");
                case "name" -> values.put("name", "%" + v.toLowerCase(Locale.ROOT) + "%");
                case "area" -> values.put("area", "%" + v.toLowerCase(Locale.ROOT) + "%");
                default -> { }
            }
        });
        return new PremisesFilter(values);
    }

    String jpql() {
        StringBuilder where = new StringBuilder();
        if (values.containsKey("odsCode")) where.append(" and o.odsCode like :odsCode");
        if (values.containsKey("postcode")) where.append(" and o.postcode like :postcode");
        if (values.containsKey("name")) where.append(" and lower(o.name) like :name");
        if (values.containsKey("area")) where.append(" and lower(a.name) like :area");
        return where.toString();
    }

    void bind(TypedQuery<?> query) {
        values.forEach(query::setParameter);
    }
}
