package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.nhs.pharmacy.portal.deputy.DeputyInput;
import uk.nhs.pharmacy.portal.deputy.DeputyQueries;
import uk.nhs.pharmacy.portal.deputy.DeputyService;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.security.CurrentUser;
import uk.nhs.pharmacy.portal.security.DeputyAppointment;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Deputies for an LOA on leave: the appointments the caller may see, appointing one, ending one early. */
@Path("deputies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeputyResource {

    @Inject
    DeputyService deputies;

    @Inject
    DeputyQueries queries;

    @Inject
    CurrentUser currentUser;

    public record AppointmentJson(long id, String absent, String deputy, LocalDate firstDay, LocalDate lastDay, List<Long> scope,
                                  String reason, String appointedBy, Instant appointedAt, Instant endedAt, String endedBy,
                                  String state) {
        static AppointmentJson of(DeputyAppointment a, Instant now) {
            return new AppointmentJson(a.getId(), a.getAbsentUsername(), a.getDeputyUsername(), a.getFirstDay(), a.getLastDay(),
                    a.getScopeOrganisationIds().stream().sorted().toList(), a.getReason(), a.getAppointedBy(), a.getAppointedAt(),
                    a.getEndedAt(), a.getEndedBy(), a.isLiveAt(now) ? "RUNNING" : a.isOverAt(now) ? "OVER" : "UPCOMING");
        }
    }

    public record NewAppointmentJson(String absent, String deputy, LocalDate firstDay, LocalDate lastDay, List<String> scope,
                                     String reason) {
    }

    @GET
    public List<AppointmentJson> list(@QueryParam("show") @DefaultValue("CURRENT") String show,
                                      @QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("max") @DefaultValue("50") int max) {
        ReviewResource.Paging.check(first, max);
        DeputyQueries.Show which;
        try {
            which = DeputyQueries.Show.valueOf(show);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("show must be CURRENT or ALL, not '" + show + "'");
        }
        Instant now = queries.now();
        return queries.page(currentUser.actor(), which, first, max).stream().map(a -> AppointmentJson.of(a, now)).toList();
    }

    @GET
    @Path("{id}")
    public AppointmentJson get(@PathParam("id") long id) {
        return AppointmentJson.of(queries.appointment(currentUser.actor(), id), queries.now());
    }

    @POST
    public Response appoint(NewAppointmentJson body) {
        if (body == null) {
            throw new BadRequestException("Send deputy, firstDay, lastDay, reason, and optionally absent (the national team) "
                    + "and scope (ODS codes of areas, contractors or premises; none: all of the absent LOA's scope)");
        }
        DeputyAppointment created = deputies.appoint(currentUser.actor(), new DeputyInput(body.absent(), body.deputy(),
                body.firstDay(), body.lastDay(), body.scope() == null ? List.of() : body.scope().stream().map(OdsCode::of).toList(),
                body.reason()));
        return Response.created(URI.create("deputies/" + created.getId())).entity(AppointmentJson.of(created, queries.now())).build();
    }

    @POST
    @Path("{id}/end")
    public AppointmentJson end(@PathParam("id") long id) {
        return AppointmentJson.of(deputies.end(currentUser.actor(), id), queries.now());
    }
}
