package uk.nhs.pharmacy.portal.audit;

/** What a recorded change changed: the state before (null for something new) and after. */
public record Change(String before, String after) {

    public static final Change NONE = new Change(null, null);

    public static Change of(String before, String after) {
        return new Change(before, after);
    }

    /** Something that did not exist before. */
    public static Change to(String after) {
        return new Change(null, after);
    }
}
