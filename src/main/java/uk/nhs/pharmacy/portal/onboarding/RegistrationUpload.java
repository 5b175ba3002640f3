package uk.nhs.pharmacy.portal.onboarding;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * An accepted spreadsheet of registrations. The file is kept so the background job can resume
 * after a restart from {@code processedRows}, which commits with each batch of stored rows.
 */
@Entity
@Table(name = "registration_upload")
public class RegistrationUpload {

    public enum State { RUNNING, FINISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "registration_upload_ids")
    @TableGenerator(name = "registration_upload_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "registration_upload", allocationSize = 10)
    private Long id;

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "file_sha256", nullable = false, updatable = false)
    private String fileSha256;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "total_rows", nullable = false)
    private int totalRows;

    @Column(name = "processed_rows", nullable = false)
    private int processedRows;

    @Column(name = "accepted_rows", nullable = false)
    private int acceptedRows;

    @Column(name = "rejected_rows", nullable = false)
    private int rejectedRows;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state = State.RUNNING;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected RegistrationUpload() {
        // for JPA
    }

    public RegistrationUpload(String fileName, String sha256, byte[] content, int totalRows, String by, Instant at) {
        this.fileName = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        this.fileSha256 = sha256;
        this.content = content;
        this.totalRows = totalRows;
        this.uploadedBy = by;
        this.uploadedAt = at;
    }

    /** A batch of rows done: {@code accepted} stored, {@code rejected} refused. */
    public void processed(int rows, int accepted, int rejected) {
        processedRows += rows;
        acceptedRows += accepted;
        rejectedRows += rejected;
    }

    public void finish(Instant at) {
        state = State.FINISHED;
        finishedAt = at;
    }

    public int getPercent() {
        return totalRows == 0 ? 100 : 100 * processedRows / totalRows;
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public String getFileSha256() { return fileSha256; }
    public byte[] getContent() { return content; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
    public int getTotalRows() { return totalRows; }
    public int getProcessedRows() { return processedRows; }
    public int getAcceptedRows() { return acceptedRows; }
    public int getRejectedRows() { return rejectedRows; }
    public State getState() { return state; }
    public Instant getFinishedAt() { return finishedAt; }
}
