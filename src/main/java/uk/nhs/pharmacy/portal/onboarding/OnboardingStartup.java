package uk.nhs.pharmacy.portal.onboarding;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/** At start-up: matches phase areas to the areas now in the portal, places premises in phases, resumes uploads. */
@Startup
@Singleton
@DependsOn("DemoDataLoader")
public class OnboardingStartup {

    private static final Logger LOG = Logger.getLogger(OnboardingStartup.class.getName());

    @Inject
    PhaseService phases;

    @Inject
    RegistrationImportRunner imports;

    @PostConstruct
    void start() {
        int placed = phases.assignPremises();
        int resumed = imports.resumeInterrupted();
        LOG.info(placed + " premises placed in onboarding phases; " + resumed + " registration uploads resumed");
    }
}
