package uk.nhs.pharmacy.portal.onboarding;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import uk.nhs.pharmacy.portal.platform.web.Messages;
import uk.nhs.pharmacy.portal.platform.web.PageModel;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registration page: the six-field form for one premises, the spreadsheet for many (preview,
 * accept, watch the job), and the reader's own requests with their outcome.
 */
@Named
@ViewScoped
public class RegistrationView implements Serializable {

    @Inject
    RegistrationService service;

    @Inject
    RegistrationQueue queue;

    @Inject
    CurrentUser currentUser;

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    private final Map<String, String> values = new HashMap<>();
    private transient Part file;
    private byte[] content;
    private String fileName;
    private List<RegistrationFile.Line> preview;
    private Long uploadId;
    private PageModel<RegistrationRequest> mine;

    /** Checks each field, with a message beside each wrong one, then sends the request. */
    public void submit() {
        Map<RegistrationField, String> raw = new EnumMap<>(RegistrationField.class);
        for (RegistrationField field : RegistrationField.values()) {
            raw.put(field, values.get(field.name()));
        }
        RegistrationDetails.Checked checked = RegistrationDetails.check(raw);
        if (!checked.ok()) {
            checked.problems().forEach((field, problem) -> faces.addMessage("registerForm:" + field.name(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text(field.labelKey()) + " " + problem, null)));
            faces.validationFailed();
            return;
        }
        RegistrationRequest[] sent = new RegistrationRequest[1];
        if (messages.attempt(() -> sent[0] = service.submit(currentUser.actor(), checked.details()))) {
            messages.info("registration.received", sent[0].getId(), sent[0].getOdsCode().value());
            values.clear();
        }
    }

    public void upload() throws IOException {
        if (file == null || file.getSize() == 0) {
            messages.error("registration.noFile");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        fileName = file.getSubmittedFileName();
        uploadId = null;
        messages.attempt(() -> preview = service.preview(currentUser.actor(), content));
    }

    public void accept() {
        if (content == null) {
            messages.error("registration.noFile");
            return;
        }
        if (messages.attempt(() -> uploadId = service.accept(currentUser.actor(), fileName, content).getId())) {
            messages.info("registration.accepted", uploadId);
            preview = null;
        }
    }

    public RegistrationUpload getUpload() {
        return uploadId == null ? null : service.upload(currentUser.actor(), uploadId).orElse(null);
    }

    public List<Object[]> getRejections() {
        RegistrationUpload upload = getUpload();
        return upload == null || upload.getState() != RegistrationUpload.State.FINISHED ? List.of()
                : service.rejections(currentUser.actor(), uploadId);
    }

    public long getGoodRows() {
        return preview == null ? 0 : preview.stream().filter(RegistrationFile.Line::ok).count();
    }

    public long getBadRows() {
        return preview == null ? 0 : preview.size() - getGoodRows();
    }

    public PageModel<RegistrationRequest> getMine() {
        if (mine == null) {
            mine = new PageModel<>(new PageModel.Source<>() {
                @Override
                public long count() {
                    return queue.countMine(currentUser.actor());
                }

                @Override
                public List<RegistrationRequest> page(int first, int size, String sortField, boolean ascending) {
                    return queue.mine(currentUser.actor(), first, size);
                }
            }, RegistrationRequest::getId);
        }
        return mine;
    }

    public RegistrationField[] getFields() { return RegistrationField.values(); }
    public Map<String, String> getValues() { return values; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public List<RegistrationFile.Line> getPreview() { return preview; }
    public Long getUploadId() { return uploadId; }
    public String getFileName() { return fileName; }
}
