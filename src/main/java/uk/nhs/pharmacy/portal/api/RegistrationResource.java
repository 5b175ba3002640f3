package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.onboarding.RegistrationDetails;
import uk.nhs.pharmacy.portal.onboarding.RegistrationField;
import uk.nhs.pharmacy.portal.onboarding.RegistrationRequest;
import uk.nhs.pharmacy.portal.onboarding.RegistrationService;
import uk.nhs.pharmacy.portal.onboarding.RegistrationUpload;
import uk.nhs.pharmacy.portal.platform.RuleViolation;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Registration requests over HTTP: one premises as JSON, or the multi-premises spreadsheet (CSV or
 * XLSX as the body) previewed, then accepted as a background upload whose progress can be read.
 * The same rules and authorisation as the registration page.
 */
@Path("registrations")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RegistrationService service;

    @Inject
    CurrentUser currentUser;

    public record RegistrationJson(String tradingName, String ownerName, String address, String postcode, String odsCode,
                                   String telephone, String currentEmail) {
    }

    public record RequestJson(long id, String odsCode, String tradingName, String state, String receivedAt, String decisionReason) {
        static RequestJson of(RegistrationRequest r) {
            return new RequestJson(r.getId(), r.getOdsCode().value(), r.getTradingName(), r.getState().name(),
                    r.getReceivedAt().toString(), r.getDecisionReason());
        }
    }

    public record RowJson(int row, String odsCode, String problem) {
    }

    public record UploadJson(long id, String fileName, String state, int rows, int processed, int accepted, int rejected) {
        static UploadJson of(RegistrationUpload u) {
            return new UploadJson(u.getId(), u.getFileName(), u.getState().name(), u.getTotalRows(), u.getProcessedRows(),
                    u.getAcceptedRows(), u.getRejectedRows());
        }
    }

    /** One premises; 422 naming every wrong field. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(RegistrationJson body) {
        if (body == null) {
            throw RuleViolation.because("refusal.api.sendTheSixFields");
        }
        Map<RegistrationField, String> raw = new EnumMap<>(RegistrationField.class);
        raw.put(RegistrationField.TRADING_NAME, body.tradingName());
        raw.put(RegistrationField.OWNER_NAME, body.ownerName());
        raw.put(RegistrationField.ADDRESS, body.address());
        raw.put(RegistrationField.POSTCODE, body.postcode());
        raw.put(RegistrationField.ODS_CODE, body.odsCode());
        raw.put(RegistrationField.TELEPHONE, body.telephone());
        raw.put(RegistrationField.CURRENT_EMAIL, body.currentEmail());
        RegistrationDetails.Checked checked = RegistrationDetails.check(raw);
        if (!checked.ok()) {
            throw new RuleViolation(checked.summary());
        }
        RegistrationRequest request = service.submit(currentUser.actor(), checked.details());
        return Response.created(URI.create("registrations/" + request.getId())).entity(RequestJson.of(request)).build();
    }

    @GET
    @Path("{id}")
    public RequestJson get(@PathParam("id") long id) {
        return RequestJson.of(service.request(currentUser.actor(), id).orElseThrow(NotFoundException::new));
    }

    /** Every row of a spreadsheet with its problem (null when it would be accepted); stores nothing. */
    @POST
    @Path("files/preview")
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public List<RowJson> preview(byte[] file) {
        return service.preview(currentUser.actor(), file).stream().map(l -> new RowJson(l.rowNo(), l.odsText(), l.problem())).toList();
    }

    /** Accepts a spreadsheet (202) and stores its good rows in the background; the same file again answers with the same upload. */
    @POST
    @Path("files")
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Response accept(byte[] file, @QueryParam("name") String name) {
        RegistrationUpload upload = service.accept(currentUser.actor(), name == null ? "registrations" : name, file);
        return Response.accepted(UploadJson.of(upload)).location(URI.create("registrations/files/" + upload.getId())).build();
    }

    @GET
    @Path("files/{id}")
    public UploadJson upload(@PathParam("id") long id) {
        return UploadJson.of(service.upload(currentUser.actor(), id).orElseThrow(NotFoundException::new));
    }

    /** The rows an upload refused, with their reasons. */
    @GET
    @Path("files/{id}/rejections")
    public List<RowJson> rejections(@PathParam("id") long id) {
        service.upload(currentUser.actor(), id).orElseThrow(NotFoundException::new);
        return service.rejections(currentUser.actor(), id).stream()
                .map(r -> new RowJson(((Number) r[0]).intValue(), (String) r[1], (String) r[2])).toList();
    }
}
