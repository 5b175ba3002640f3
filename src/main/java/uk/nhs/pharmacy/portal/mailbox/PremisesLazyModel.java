package uk.nhs.pharmacy.portal.mailbox;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import uk.nhs.pharmacy.portal.security.Actor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A premises table's rows, one page at a time from {@link PremisesDirectory}: column filters as
 * typed, plus any filters the page adds (mailbox status, "has problems").
 */
public class PremisesLazyModel extends LazyDataModel<PremisesRow> {

    private final transient PremisesDirectory directory;
    private final transient Supplier<Actor> actor;
    private final transient Supplier<Map<String, String>> pageFilters;

    public PremisesLazyModel(PremisesDirectory directory, Supplier<Actor> actor, Supplier<Map<String, String>> pageFilters) {
        this.directory = directory;
        this.actor = actor;
        this.pageFilters = pageFilters;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) directory.countPremises(actor.get(), filterOf(filterBy));
    }

    @Override
    public List<PremisesRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? "name" : sort.getField();
        boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
        return directory.premises(actor.get(), filterOf(filterBy), first, pageSize, field, ascending);
    }

    private PremisesFilter filterOf(Map<String, FilterMeta> filterBy) {
        Map<String, String> typed = new HashMap<>(pageFilters.get());
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
