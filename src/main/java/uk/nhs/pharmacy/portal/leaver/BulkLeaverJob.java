package uk.nhs.pharmacy.portal.leaver;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.time.Instant;

/** An accepted bulk leaver file: its rows are worked through by a background job. */
@Entity
@Table(name = "bulk_leaver_job")
public class BulkLeaverJob {

    public enum State { RUNNING, FINISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "bulk_leaver_job_ids")
    @TableGenerator(name = "bulk_leaver_job_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "bulk_leaver_job", allocationSize = 10)
    private Long id;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "file_sha256", nullable = false, updatable = false)
    private String fileSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.RUNNING;

    @Column(name = "total_rows", nullable = false, updatable = false)
    private int totalRows;

    @Column(name = "done_rows", nullable = false)
    private int doneRows;

    @Column(name = "failed_rows", nullable = false)
    private int failedRows;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected BulkLeaverJob() {
        // for JPA
    }

    BulkLeaverJob(String fileName, String fileSha256, int totalRows, String reason, String createdBy, Instant createdAt) {
        this.fileName = fileName == null || fileName.isBlank() ? "leavers.csv" : fileName.strip();
        this.fileSha256 = fileSha256;
        this.totalRows = totalRows;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void finish(int done, int failed, Instant at) {
        this.doneRows = done;
        this.failedRows = failed;
        this.state = State.FINISHED;
        this.finishedAt = at;
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public String getFileSha256() { return fileSha256; }
    public State getState() { return state; }
    public int getTotalRows() { return totalRows; }
    public int getDoneRows() { return doneRows; }
    public int getFailedRows() { return failedRows; }
    public String getReason() { return reason; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getFinishedAt() { return finishedAt; }
}
