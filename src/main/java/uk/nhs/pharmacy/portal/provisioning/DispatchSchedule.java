package uk.nhs.pharmacy.portal.provisioning;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the dispatcher at start-up (anything left pending, e.g. while the platform was down) and
 * every {@code platform.dispatch.seconds} (default 2), for retries after a backoff.
 */
@Startup
@Singleton
@DependsOn("DemoDataLoader")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DispatchSchedule {

    @Resource
    TimerService timers;

    @Inject
    DispatchTrigger trigger;

    @Inject
    @ConfigProperty(name = "platform.dispatch.seconds", defaultValue = "2")
    int everySeconds;

    @PostConstruct
    void start() {
        trigger.kick();
        long every = Math.max(1, everySeconds) * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("provisioning-dispatch", false));
    }

    @Timeout
    void onTimer(Timer timer) {
        trigger.kick();
    }
}
