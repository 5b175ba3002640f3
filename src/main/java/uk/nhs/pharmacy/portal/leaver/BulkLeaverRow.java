package uk.nhs.pharmacy.portal.leaver;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.time.LocalDate;

/** One line of a bulk leaver file: rejected at upload, or pending until the job turns it into a case. */
@Entity
@Table(name = "bulk_leaver_row")
public class BulkLeaverRow {

    public enum State {
        /** Failed validation at upload; never run. */
        REJECTED,
        PENDING,
        DONE,
        /** Valid at upload, refused when run (e.g. scope or a case opened meanwhile). */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "bulk_leaver_row_ids")
    @TableGenerator(name = "bulk_leaver_row_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "bulk_leaver_row", allocationSize = 500)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id", nullable = false, updatable = false)
    private BulkLeaverJob job;

    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;

    @Column(name = "account_address", nullable = false, updatable = false)
    private String accountAddress;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(name = "scope_ods", updatable = false)
    private String scopeOds;

    @Column(name = "effective_date", updatable = false)
    private LocalDate effectiveDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "case_id")
    private Long caseId;

    @Column(length = 1000)
    private String message;

    @Version
    private long version;

    protected BulkLeaverRow() {
        // for JPA
    }

    BulkLeaverRow(BulkLeaverJob job, BulkLeaverFile.Line line) {
        this.job = job;
        this.lineNo = line.lineNo();
        this.accountAddress = clip(line.address(), 254);
        this.kind = clip(line.kindText(), 20);
        this.scopeOds = clip(line.odsText(), 10);
        this.effectiveDate = line.effectiveDate();
        this.state = line.problem() == null ? State.PENDING : State.REJECTED;
        this.message = line.problem();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? (text == null ? "" : text) : text.substring(0, max);
    }

    void done(long leaverCaseId, String outcome) {
        this.state = State.DONE;
        this.caseId = leaverCaseId;
        this.message = outcome;
    }

    void failed(String why) {
        this.state = State.FAILED;
        this.message = why == null ? "Refused" : (why.length() > 1000 ? why.substring(0, 1000) : why);
    }

    public Long getId() { return id; }
    public BulkLeaverJob getJob() { return job; }
    public int getLineNo() { return lineNo; }
    public String getAccountAddress() { return accountAddress; }
    public String getKind() { return kind; }
    public String getScopeOds() { return scopeOds; }
    public LocalDate getEffectiveDate() { return effectiveDate; }
    public State getState() { return state; }
    public Long getCaseId() { return caseId; }
    public String getMessage() { return message; }
}
