package uk.nhs.pharmacy.portal.security;

import uk.nhs.pharmacy.portal.organisation.Organisation;
import uk.nhs.pharmacy.portal.organisation.OrganisationKind;

/** Where an organisation sits, which is all an authorisation decision needs to know of it. */
public record OrganisationPlace(long id, OrganisationKind kind, Long areaId, Long parentId) {

    public static OrganisationPlace of(Organisation organisation) {
        return new OrganisationPlace(organisation.getId(), organisation.getKind(), organisation.getAreaId(),
                organisation.getParentId());
    }
}
