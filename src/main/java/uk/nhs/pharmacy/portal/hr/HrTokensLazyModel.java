package uk.nhs.pharmacy.portal.hr;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import uk.nhs.pharmacy.portal.security.Actor;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The HR systems' tokens, one page at a time from the database, newest first. */
public class HrTokensLazyModel extends LazyDataModel<HrTokenRow> {

    /** What the page supplies; serialisable, as the model moves with the view to another member of a cluster. */
    public interface Caller extends Serializable {
        Actor actor();
    }

    private final Caller caller;
    /** Looked up again after the model has moved (a member's bean is not sent with the session). */
    private transient HrTokens tokens;

    public HrTokensLazyModel(Caller caller) {
        this.caller = caller;
    }

    private HrTokens tokens() {
        if (tokens == null) {
            tokens = jakarta.enterprise.inject.spi.CDI.current().select(HrTokens.class).get();
        }
        return tokens;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) tokens().count(caller.actor());
    }

    @Override
    public List<HrTokenRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return tokens().rows(caller.actor(), first, pageSize);
    }

    @Override
    public String getRowKey(HrTokenRow row) {
        return String.valueOf(row.id());
    }

    @Override
    public HrTokenRow getRowData(String rowKey) {
        return null; // rows are not selected; buttons carry the id
    }
}
