package uk.nhs.pharmacy.portal.scim;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import uk.nhs.pharmacy.portal.account.AccountStatus;
import uk.nhs.pharmacy.portal.account.JobRole;
import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.account.PersonalAccount;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.platform.InvalidValueException;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /Users}: a SCIM filter (parsed by the SDK) as one JPQL condition, in the caller's scope,
 * paged by {@code startIndex}/{@code count} in the database in id order. Nothing is loaded to be
 * filtered: a page of 100 reads 100 accounts whatever the directory's size. Counting what a broad
 * filter matches is the one cost that grows with the directory; {@link ListTotals} keeps such a
 * total for the pages that follow.
 */
@ApplicationScoped
public class UserQuery {

    /** The largest page; ServiceProviderConfig says so. */
    static final int MAX_RESULTS = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    ListTotals totals;

    /** One page and the total matching. */
    record Page(List<PersonalAccount> accounts, long total) {
    }

    Page find(Actor actor, Filter filter, int startIndex, int count) throws BadRequestException {
        Map<String, Object> parameters = new HashMap<>();
        // The scope as the set of organisations a person's home may be, resolved once by the database
        // (a semi-join), rather than a join of every account to its organisation.
        String condition = "a.hrDeletedAt is null and a.homeOrganisation.id in (select so.id from Organisation so where "
                + ScopeQuery.conditionWithAreas(actor, "so") + ")"
                + (filter == null ? "" : " and (" + condition(filter, parameters) + ")");
        long total = totals.total(actor.scope() + "|" + condition + "|" + parameters, () -> bind(em.createQuery(
                "select count(a) from PersonalAccount a where " + condition, Long.class), actor, parameters).getSingleResult());
        List<PersonalAccount> accounts = count == 0 || total == 0 ? List.of()
                : bind(em.createQuery("select a from PersonalAccount a where " + condition + " order by a.id",
                        PersonalAccount.class), actor, parameters)
                .setFirstResult(startIndex - 1).setMaxResults(count).getResultList();
        return new Page(accounts, total);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Actor actor, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return ScopeQuery.bind(query, actor);
    }

    private static String condition(Filter filter, Map<String, Object> parameters) throws BadRequestException {
        FilterType type = filter.getFilterType();
        switch (type) {
            case AND, OR -> {
                List<String> parts = new ArrayList<>();
                for (Filter part : filter.getCombinedFilters()) {
                    parts.add("(" + condition(part, parameters) + ")");
                }
                return String.join(type == FilterType.AND ? " and " : " or ", parts);
            }
            case NOT -> {
                return "not (" + condition(filter.getInvertedFilter(), parameters) + ")";
            }
            case COMPLEX_VALUE -> throw unsupported(filter);
            default -> {
                return comparison(filter, parameters);
            }
        }
    }

    private static String comparison(Filter filter, Map<String, Object> parameters) throws BadRequestException {
        String path = filter.getAttributePath().toString().toLowerCase(Locale.ROOT);
        FilterType op = filter.getFilterType();
        ValueNode value = filter.getComparisonValue();
        String p = "p" + parameters.size();
        switch (path) {
            case "username", "emails", "emails.value" -> {
                if (op == FilterType.PRESENT) {
                    return "1 = 1";
                }
                String text = text(filter, value).toLowerCase(Locale.ROOT);
                if (op == FilterType.EQUAL || op == FilterType.NOT_EQUAL) {
                    MailAddress address;
                    try {
                        address = MailAddress.of(text);
                    } catch (InvalidValueException e) {
                        return op == FilterType.EQUAL ? "1 = 0" : "1 = 1";
                    }
                    parameters.put(p, address);
                    return "a.address " + (op == FilterType.EQUAL ? "=" : "<>") + " :" + p;
                }
                return like("a.address", op, text, p, parameters, filter);
            }
            case "externalid" -> {
                return text("a.externalId", op, filter, value, p, parameters);
            }
            case "name.familyname" -> {
                return text("a.lastName", op, filter, value, p, parameters);
            }
            case "name.givenname" -> {
                return text("a.firstName", op, filter, value, p, parameters);
            }
            case "id" -> {
                if (op != FilterType.EQUAL) {
                    throw unsupported(filter);
                }
                try {
                    parameters.put(p, Long.parseLong(text(filter, value)));
                    return "a.id = :" + p;
                } catch (NumberFormatException e) {
                    return "1 = 0";
                }
            }
            case "active" -> {
                if (op != FilterType.EQUAL || value == null || !value.isBoolean()) {
                    throw unsupported(filter);
                }
                parameters.put(p, AccountStatus.ACTIVE);
                return "a.status " + (value.asBoolean() ? "=" : "<>") + " :" + p;
            }
            case "meta.lastmodified" -> {
                String compare = switch (op) {
                    case GREATER_THAN -> ">";
                    case GREATER_OR_EQUAL -> ">=";
                    case LESS_THAN -> "<";
                    case LESS_OR_EQUAL -> "<=";
                    case EQUAL -> "=";
                    default -> throw unsupported(filter);
                };
                try {
                    parameters.put(p, JsonUtils.nodeToDateValue(value).toInstant());
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw BadRequestException.invalidFilter(ScimJson.words("scim.filterNotADate", filter));
                }
                return "a.lastModified " + compare + " :" + p;
            }
            case "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:organization" -> {
                if (op != FilterType.EQUAL) {
                    throw unsupported(filter);
                }
                try {
                    parameters.put(p, OdsCode.of(text(filter, value)));
                } catch (InvalidValueException e) {
                    return "1 = 0";
                }
                return "a.homeOrganisation.odsCode = :" + p;
            }
            case "urn:uk:nhs:pharmacy:portal:scim:schemas:extension:2.0:user:jobrole" -> {
                if (op != FilterType.EQUAL) {
                    throw unsupported(filter);
                }
                try {
                    parameters.put(p, JobRole.valueOf(text(filter, value).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    return "1 = 0";
                }
                return "a.jobRole = :" + p;
            }
            default -> throw unsupported(filter);
        }
    }

    private static String text(String column, FilterType op, Filter filter, ValueNode value, String p,
                               Map<String, Object> parameters) throws BadRequestException {
        return switch (op) {
            case PRESENT -> column + " is not null";
            case EQUAL, NOT_EQUAL -> {
                parameters.put(p, text(filter, value));
                yield column + (op == FilterType.EQUAL ? " = :" : " <> :") + p;
            }
            default -> like(column, op, text(filter, value), p, parameters, filter);
        };
    }

    private static String like(String column, FilterType op, String text, String p, Map<String, Object> parameters,
                               Filter filter) throws BadRequestException {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = switch (op) {
            case STARTS_WITH -> escaped + "%";
            case ENDS_WITH -> "%" + escaped;
            case CONTAINS -> "%" + escaped + "%";
            default -> throw unsupported(filter);
        };
        parameters.put(p, pattern);
        return column + " like :" + p;
    }

    private static String text(Filter filter, ValueNode value) throws BadRequestException {
        if (value == null || !value.isTextual()) {
            throw BadRequestException.invalidFilter(ScimJson.words("scim.filterNeedsText", filter));
        }
        return value.asText();
    }

    private static BadRequestException unsupported(Filter filter) {
        return BadRequestException.invalidFilter(ScimJson.words("scim.filterUnsupported", filter));
    }
}
