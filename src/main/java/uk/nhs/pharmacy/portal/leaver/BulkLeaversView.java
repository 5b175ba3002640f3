package uk.nhs.pharmacy.portal.leaver;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/** Upload a leaver file, see every line's outcome, accept it, and watch the job run. */
@Named
@ViewScoped
public class BulkLeaversView implements Serializable {

    @Inject
    BulkLeaverService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    private transient Part file;
    private String reason;
    private byte[] content;
    private String fileName;
    private List<BulkLeaverFile.Line> preview;
    private Long jobId;

    public void upload() throws IOException {
        if (file == null || file.getSize() == 0) {
            messages.error("bulkLeavers.noFile");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        fileName = file.getSubmittedFileName();
        jobId = null;
        messages.attempt(() -> preview = service.preview(currentUser.actor(), content, reason));
    }

    public void accept() {
        if (content == null) {
            messages.error("bulkLeavers.noFile");
            return;
        }
        if (messages.attempt(() -> jobId = service.accept(currentUser.actor(), fileName, content, reason).getId())) {
            messages.info("bulkLeavers.accepted", jobId);
            preview = null;
        }
    }

    public long getGoodLines() {
        return preview == null ? 0 : preview.stream().filter(BulkLeaverFile.Line::ok).count();
    }

    public long getBadLines() {
        return preview == null ? 0 : preview.size() - getGoodLines();
    }

    /** The job's lines counted now, read from the database on every poll. */
    public BulkLeaverService.Progress getProgress() {
        return jobId == null ? new BulkLeaverService.Progress(0, 0, 0) : service.progress(jobId);
    }

    public BulkLeaverJob getJob() {
        return jobId == null ? null : service.job(currentUser.actor(), jobId).orElse(null);
    }

    public List<BulkLeaverJob> getRecentJobs() {
        return service.recentJobs(currentUser.actor(), 10);
    }

    public String getHeader() { return BulkLeaverFile.HEADER; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public List<BulkLeaverFile.Line> getPreview() { return preview; }
    public Long getJobId() { return jobId; }
    public String getFileName() { return fileName; }
}
