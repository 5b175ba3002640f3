package uk.nhs.pharmacy.portal.mailbox;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import uk.nhs.pharmacy.portal.security.Actor;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A premises table's rows, one page at a time from {@link PremisesDirectory}: column filters as
 * typed, plus any filters the page adds (mailbox status, "has problems").
 */
public class PremisesLazyModel extends LazyDataModel<PremisesRow> {

    /** What the page supplies; serialisable, as the model moves with the view to another member of a cluster. */
    public interface Caller extends Serializable {
        Actor actor();
    }

    /** The filters the page adds to the table's own. */
    public interface PageFilters extends Serializable {
        Map<String, String> now();
    }

    /** A count of the whole scope the page has already made (the home page's summary), for the table unfiltered. */
    public interface ScopeCount extends Serializable {
        long premises();
    }

    private final Caller actor;
    private final PageFilters pageFilters;
    private final ScopeCount scopeCount;
    /** Looked up again after the model has moved (a member's bean is not sent with the session). */
    private transient PremisesDirectory directory;

    public PremisesLazyModel(Caller actor, PageFilters pageFilters) {
        this(actor, pageFilters, null);
    }

    public PremisesLazyModel(Caller actor, PageFilters pageFilters, ScopeCount scopeCount) {
        this.actor = actor;
        this.pageFilters = pageFilters;
        this.scopeCount = scopeCount;
    }

    private PremisesDirectory directory() {
        if (directory == null) {
            directory = jakarta.enterprise.inject.spi.CDI.current().select(PremisesDirectory.class).get();
        }
        return directory;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        PremisesFilter filter = filterOf(filterBy);
        if (scopeCount != null && filter.isEmpty()) {
            return (int) scopeCount.premises();
        }
        return (int) directory().countPremises(actor.actor(), filter);
    }

    @Override
    public List<PremisesRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? "name" : sort.getField();
        boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
        return directory().premises(actor.actor(), filterOf(filterBy), first, pageSize, field, ascending);
    }

    private PremisesFilter filterOf(Map<String, FilterMeta> filterBy) {
        Map<String, String> typed = new HashMap<>(pageFilters.now());
        filterBy.forEach((field, meta) -> typed.put(field, meta.getFilterValue() == null ? null
                : String.valueOf(meta.getFilterValue())));
        return PremisesFilter.of(typed);
    }

    @Override
    public String getRowKey(PremisesRow row) {
        return String.valueOf(row.id());
    }

    @Override
    public PremisesRow getRowData(String rowKey) {
        return null;
    }
}
