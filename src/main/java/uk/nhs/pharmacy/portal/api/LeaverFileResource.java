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
import uk.nhs.pharmacy.portal.leaver.BulkLeaverJob;
import uk.nhs.pharmacy.portal.leaver.BulkLeaverService;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.util.List;

/**
 * Bulk leaver files over HTTP, for systems that send many leavers at once: the same checks, job
 * and report as the bulk leavers page. The body is the CSV file itself.
 */
@Path("leaver-files")
@Produces(MediaType.APPLICATION_JSON)
public class LeaverFileResource {

    @Inject
    BulkLeaverService service;

    @Inject
    CurrentUser currentUser;

    public record LineJson(int line, String account, String kind, String odsCode, String effectiveDate, String problem) {
    }

    public record JobJson(long id, String fileName, String state, int lines, long finished, long toRun, int done,
                          int failed, String report) {
    }

    /** Checks every line; writes nothing. */
    @POST
    @Path("preview")
    @Consumes("text/csv")
    public List<LineJson> preview(byte[] csv, @QueryParam("reason") String reason) {
        return service.preview(currentUser.actor(), csv, reason).stream().map(l -> new LineJson(l.lineNo(), l.address(),
                l.kindText(), l.odsText(), l.effectiveDate() == null ? null : l.effectiveDate().toString(), l.problem()))
                .toList();
    }

    /** Accepts the file and starts its job (202); the same file again answers with the job it already made. */
    @POST
    @Consumes("text/csv")
    public Response accept(byte[] csv, @QueryParam("reason") String reason, @QueryParam("name") String name) {
        BulkLeaverJob job = service.accept(currentUser.actor(), name == null ? "leavers.csv" : name, csv, reason);
        return Response.accepted(json(job)).location(URI.create("leaver-files/" + job.getId())).build();
    }

    @GET
    @Path("{id}")
    public JobJson get(@PathParam("id") long id) {
        return json(service.job(currentUser.actor(), id).orElseThrow(NotFoundException::new));
    }

    private JobJson json(BulkLeaverJob job) {
        BulkLeaverService.Progress progress = service.progress(job.getId());
        return new JobJson(job.getId(), job.getFileName(), job.getState().name(), job.getTotalRows(), progress.finished(),
                progress.toRun(), job.getDoneRows(), job.getFailedRows(), "/export/leavers/" + job.getId() + ".csv");
    }

}
