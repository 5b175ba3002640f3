package uk.nhs.pharmacy.portal.onboarding;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import uk.nhs.pharmacy.portal.platform.DatabaseReady;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** At start-up: matches phase areas to the areas now in the portal and places premises in phases. */
@ApplicationScoped
public class OnboardingStartup {

    private static final Logger LOG = Logger.getLogger(OnboardingStartup.class.getName());

    @Inject
    PhaseService phases;

    void start(@Observes @Priority(DatabaseReady.FEATURES) DatabaseReady ready) {
        int placed = phases.assignPremises();
        LOG.info(placed + " premises placed in onboarding phases");
    }
}
