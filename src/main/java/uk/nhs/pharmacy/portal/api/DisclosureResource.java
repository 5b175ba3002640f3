package uk.nhs.pharmacy.portal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.sending.Disclosure;
import uk.nhs.pharmacy.portal.sending.DisclosureInput;
import uk.nhs.pharmacy.portal.sending.Disclosures;
import uk.nhs.pharmacy.portal.sending.LegalForm;
import uk.nhs.pharmacy.portal.security.CurrentUser;

import java.util.List;

/** Contractors' trading disclosures (their legal footer), and the completeness report (as CSV: /export/disclosures.csv). */
@Path("contractors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisclosureResource {

    @Inject
    Disclosures disclosures;

    @Inject
    CurrentUser currentUser;

    public record DisclosureJson(String contractor, String name, String legalForm, String registeredName, String companyNumber,
                                 String placeOfRegistration, String registeredOffice, String ownerNames, String serviceAddress,
                                 List<String> missing, String footer, boolean editable) {
    }

    public record InputJson(String legalForm, String registeredName, String companyNumber, String placeOfRegistration,
                            String registeredOffice, String ownerNames, String serviceAddress) {
    }

    public record IncompleteJson(String contractor, String name, String legalForm, long premises) {
    }

    public record AreaJson(String area, long premises, long contractors) {
    }

    @GET
    @Path("{ods}/disclosure")
    public DisclosureJson get(@PathParam("ods") String ods) {
        return json(disclosures.page(currentUser.actor(), OdsCode.of(ods)));
    }

    @PUT
    @Path("{ods}/disclosure")
    public DisclosureJson save(@PathParam("ods") String ods, InputJson body) {
        if (body == null || body.legalForm() == null) {
            throw new BadRequestException("Send legalForm (COMPANY, SOLE_TRADER or PARTNERSHIP) and the details it needs");
        }
        LegalForm form;
        try {
            form = LegalForm.valueOf(body.legalForm());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("legalForm must be COMPANY, SOLE_TRADER or PARTNERSHIP, not '" + body.legalForm() + "'");
        }
        disclosures.save(currentUser.actor(), OdsCode.of(ods), new DisclosureInput(form, body.registeredName(), body.companyNumber(),
                body.placeOfRegistration(), body.registeredOffice(), body.ownerNames(), body.serviceAddress()));
        return json(disclosures.page(currentUser.actor(), OdsCode.of(ods)));
    }

    @GET
    @Path("incomplete")
    public List<IncompleteJson> incomplete(@QueryParam("first") @DefaultValue("0") int first,
                                           @QueryParam("max") @DefaultValue("100") int max) {
        if (first < 0 || max < 1 || max > 1000) {
            throw new BadRequestException("first must be 0 or more and max 1 to 1000");
        }
        return disclosures.incomplete(currentUser.actor(), first, max).stream().map(r -> new IncompleteJson(
                r[0].toString(), (String) r[1], r[2] == null ? null : r[2].toString(), ((Number) r[3]).longValue())).toList();
    }

    @GET
    @Path("incomplete/by-area")
    public List<AreaJson> incompleteByArea() {
        return disclosures.incompleteByArea(currentUser.actor()).stream()
                .map(r -> new AreaJson((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList();
    }

    private static DisclosureJson json(Disclosures.Page page) {
        Disclosure d = page.details();
        return new DisclosureJson(page.contractor().getOdsCode().value(), page.contractor().getName(),
                d == null ? null : d.getLegalForm().name(), d == null ? null : d.getRegisteredName(),
                d == null ? null : d.getCompanyNumber(), d == null ? null : d.getPlaceOfRegistration(),
                d == null ? null : d.getRegisteredOffice(), d == null ? null : d.getOwnerNames(),
                d == null ? null : d.getServiceAddress(), page.missing(), page.footer().orElse(null), page.editable());
    }
}
