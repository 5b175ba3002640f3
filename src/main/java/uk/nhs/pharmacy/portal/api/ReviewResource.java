package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
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
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.review.AtDeadline;
import uk.nhs.pharmacy.portal.review.CampaignInput;
import uk.nhs.pharmacy.portal.review.Decision;
import uk.nhs.pharmacy.portal.review.ReviewCampaign;
import uk.nhs.pharmacy.portal.review.ReviewQueries;
import uk.nhs.pharmacy.portal.review.ReviewService;
import uk.nhs.pharmacy.portal.review.WorkLine;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Access reviews: campaigns, their progress, each premises' worklist, decisions and the evidence
 * (also as CSV, XLSX and a one-page PDF per premises at /export/review-evidence).
 */
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService reviews;

    @Inject
    ReviewQueries queries;

    @Inject
    CurrentUser currentUser;

    public record CampaignJson(long id, String name, List<Long> scope, LocalDate startsOn, LocalDate deadline, String atDeadline,
                               Integer recurMonths, String state, long lines, String createdBy, Long previousId) {
        static CampaignJson of(ReviewCampaign c) {
            return new CampaignJson(c.getId(), c.getName(), c.getScopeOrganisationIds().stream().sorted().toList(), c.getStartsOn(),
                    c.getDeadline(), c.getAtDeadline().name(), c.getRecurMonths(), c.getState().name(), c.getLinesTotal(),
                    c.getCreatedBy(), c.getPreviousId());
        }
    }

    public record NewCampaignJson(String name, List<String> scope, LocalDate startsOn, LocalDate deadline, String atDeadline,
                                  Integer recurMonths) {
    }

    public record ProgressJson(CampaignJson campaign, ReviewQueries.Counts counts, List<ReviewQueries.AreaProgress> byArea,
                               List<ReviewQueries.Reviewer> reviewersWithPending) {
    }

    public record LineJson(long delegationId, String person, String address, String jobRole, String status, boolean homeHere,
                           List<String> permissions, boolean owner, String grantedBy, Instant grantedAt, LocalDate lastDay,
                           boolean live, Instant lastSignIn, String recommendation, String reviewer, String decision,
                           String decisionReason, String decidedBy, String decidedFor, Instant decidedAt, boolean mayDecide) {
        static LineJson of(WorkLine l) {
            return new LineJson(l.delegationId(), l.person(), l.address(), l.jobRole().name(), l.status().name(), l.homeHere(),
                    l.permissions().stream().map(Enum::name).sorted().toList(), l.owner(), l.grantedBy(), l.grantedAt(), l.lastDay(),
                    l.live(), l.lastSignIn(), l.recommendation().name(), l.reviewer().name(),
                    l.decision() == null ? null : l.decision().name(), l.decisionReason(), l.decidedBy(), l.decidedFor(), l.decidedAt(),
                    l.mayDecide());
        }
    }

    public record DecisionJson(String decision, LocalDate lastDay, String reason,
                               @JsonbTypeDeserializer(StrictBoolean.class) boolean confirmed) {
    }

    public record KeptJson(int kept) {
    }

    @GET
    public List<CampaignJson> list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("50") int max) {
        Paging.check(first, max);
        return queries.campaigns(currentUser.actor(), first, max).stream().map(CampaignJson::of).toList();
    }

    @POST
    public Response create(NewCampaignJson body) {
        if (body == null || body.scope() == null || body.atDeadline() == null) {
            throw new BadRequestException("Send name, scope (ODS codes of areas, contractors or premises), startsOn, deadline, "
                    + "atDeadline (KEEP_AND_FLAG or REVOKE) and recurMonths (or null)");
        }
        AtDeadline rule;
        try {
            rule = AtDeadline.valueOf(body.atDeadline());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("atDeadline must be KEEP_AND_FLAG or REVOKE, not '" + body.atDeadline() + "'");
        }
        ReviewCampaign created = reviews.create(currentUser.actor(), new CampaignInput(body.name(),
                body.scope().stream().map(OdsCode::of).toList(), body.startsOn(), body.deadline(), rule, body.recurMonths()));
        return Response.created(URI.create("reviews/" + created.getId())).entity(CampaignJson.of(created)).build();
    }

    @GET
    @Path("{id}")
    public ProgressJson progress(@PathParam("id") long id) {
        ReviewQueries.Progress p = queries.progress(currentUser.actor(), id);
        return new ProgressJson(CampaignJson.of(p.campaign()), p.counts(), p.byArea(), p.reviewersWithPending());
    }

    @GET
    @Path("{id}/premises")
    public List<ReviewQueries.PremisesLines> premises(@PathParam("id") long id, @QueryParam("pendingOnly") @DefaultValue("false") boolean pendingOnly,
                                                      @QueryParam("first") @DefaultValue("0") int first,
                                                      @QueryParam("max") @DefaultValue("50") int max) {
        Paging.check(first, max);
        return queries.premises(currentUser.actor(), id, pendingOnly, first, max);
    }

    @GET
    @Path("{id}/premises/{ods}")
    public List<LineJson> worklist(@PathParam("id") long id, @PathParam("ods") String ods) {
        return queries.worklist(currentUser.actor(), id, OdsCode.of(ods)).stream().map(LineJson::of).toList();
    }

    @POST
    @Path("{id}/premises/{ods}/keep-recommended")
    public KeptJson keepRecommended(@PathParam("id") long id, @PathParam("ods") String ods) {
        return new KeptJson(reviews.keepRecommended(currentUser.actor(), id, OdsCode.of(ods)));
    }

    @POST
    @Path("{id}/lines/{delegationId}")
    public LineJson decide(@PathParam("id") long id, @PathParam("delegationId") long delegationId, DecisionJson body) {
        if (body == null || body.decision() == null) {
            throw new BadRequestException("Send decision (KEEP, CHANGE or REMOVE), lastDay for a change, reason and confirmed");
        }
        Decision decision;
        try {
            decision = Decision.valueOf(body.decision());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("decision must be KEEP, CHANGE or REMOVE, not '" + body.decision() + "'");
        }
        reviews.decide(currentUser.actor(), id, delegationId, decision, body.lastDay(), body.reason(), body.confirmed());
        return queries.worklist(currentUser.actor(), id, queries.premisesOfLine(currentUser.actor(), id, delegationId)).stream()
                .filter(l -> l.delegationId() == delegationId).findFirst().map(LineJson::of).orElseThrow();
    }

    @GET
    @Path("{id}/evidence")
    public List<ReviewQueries.EvidenceRow> evidence(@PathParam("id") long id, @QueryParam("premises") String premises,
                                                    @QueryParam("first") @DefaultValue("0") int first,
                                                    @QueryParam("max") @DefaultValue("100") int max) {
        Paging.check(first, max);
        return queries.evidence(currentUser.actor(), id, premises == null || premises.isBlank() ? null : OdsCode.of(premises), first, max);
    }

    /** The paging every list here takes. */
    static final class Paging {
        private Paging() {
        }

        static void check(int first, int max) {
            if (first < 0 || max < 1 || max > 1000) {
                throw new BadRequestException("first must be 0 or more and max 1 to 1000");
            }
        }
    }
}
