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
import uk.nhs.pharmacy.portal.mailbox.SharedMailbox;

import java.time.Instant;
import java.util.Objects;

/** One step of a leaver case: what happened (or waits to happen), who did it and when. */
@Entity
@Table(name = "leaver_step")
public class LeaverStep implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "leaver_step_ids")
    @TableGenerator(name = "leaver_step_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "leaver_step", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private LeaverCase leaverCase;

    @Column(name = "step_no", nullable = false, updatable = false)
    private int stepNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private StepKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StepState state;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "mailbox_id", updatable = false)
    private SharedMailbox mailbox;

    @Column(length = 2000)
    private String detail;

    @Column(name = "done_by")
    private String doneBy;

    @Column(name = "done_at")
    private Instant doneAt;

    @Version
    private long version;

    protected LeaverStep() {
        // for JPA
    }

    LeaverStep(LeaverCase leaverCase, int stepNo, StepKind kind, SharedMailbox mailbox, String detail) {
        this.leaverCase = leaverCase;
        this.stepNo = stepNo;
        this.kind = kind;
        this.mailbox = mailbox;
        this.detail = clip(detail);
        this.state = StepState.WAITING;
    }

    void complete(StepState outcome, String by, Instant at, String newDetail) {
        if (!state.isWaiting()) {
            throw new IllegalStateException("Step " + stepNo + " is already " + state);
        }
        if (outcome.isWaiting()) {
            throw new IllegalArgumentException("A step completes with an outcome, not " + outcome);
        }
        this.state = outcome;
        this.doneBy = Objects.requireNonNull(by, "by");
        this.doneAt = Objects.requireNonNull(at, "at");
        if (newDetail != null) {
            this.detail = clip(newDetail);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    public Long getId() { return id; }
    public LeaverCase getLeaverCase() { return leaverCase; }
    public int getStepNo() { return stepNo; }
    public StepKind getKind() { return kind; }
    public StepState getState() { return state; }
    public SharedMailbox getMailbox() { return mailbox; }
    public String getDetail() { return detail; }
    public String getDoneBy() { return doneBy; }
    public Instant getDoneAt() { return doneAt; }
    public boolean isWaiting() { return state.isWaiting(); }
}
