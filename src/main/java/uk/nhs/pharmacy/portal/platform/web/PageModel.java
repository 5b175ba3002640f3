package uk.nhs.pharmacy.portal.platform.web;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A table that loads one page at a time from a query the page supplies: counting, paging and
 * sorting all happen in the database. Column filters are not used; pages filter with their own form.
 */
public class PageModel<T> extends LazyDataModel<T> {

    /** One page of rows, sorted by a field (null for the default order). */
    public interface Source<T> extends Serializable {
        long count();

        List<T> page(int first, int pageSize, String sortField, boolean ascending);
    }

    /** A row's key; serialisable, as the table's model moves with the view to another member. */
    public interface RowKey<T> extends Serializable {
        Object of(T row);
    }

    private final Source<T> source;
    private final RowKey<T> key;

    public PageModel(Source<T> source, RowKey<T> key) {
        this.source = source;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) source.count();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        return source.page(first, pageSize, sort == null ? null : sort.getField(),
                sort == null || sort.getOrder() != SortOrder.DESCENDING);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    @Override
    public T getRowData(String rowKey) {
        return null;
    }
}
