package uk.nhs.pharmacy.portal.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work handed off from a request to run after it: one long-lived managed thread per lane, fed by a
 * queue. Handing off is a plain queue offer, with no container call on the request's thread: on
 * Payara, submitting to a managed executor from a request closes that request's non-transactional
 * entity managers, which broke the page's own reads after a change.
 */
@ApplicationScoped
public class Background {

    /** QUICK: short work that should start at once (platform dispatch). LONG: jobs that take a while. */
    public enum Lane { QUICK, LONG }

    private static final Logger LOG = Logger.getLogger(Background.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<Lane, BlockingQueue<Runnable>> queues = java.util.Collections.synchronizedMap(new EnumMap<>(Lane.class));
    private volatile boolean running;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        start();
    }

    private synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (Lane lane : Lane.values()) {
            BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
            queues.put(lane, queue);
            Thread worker = threads.newThread(() -> work(queue));
            worker.setName("portal-" + lane.name().toLowerCase());
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Hands work off once the caller's transaction has committed; nothing if it rolls back. */
    public void submitAfterCommit(Lane lane, Runnable task) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    submit(lane, task);
                }
            }
        });
    }

    public void submit(Lane lane, Runnable task) {
        if (!running) {
            start(); // a start-up bean handing off work before the application-started event
        }
        BlockingQueue<Runnable> queue = queues.get(lane);
        if (queue == null) {
            throw new IllegalStateException("Background work is not started yet");
        }
        queue.offer(task);
    }

    private void work(BlockingQueue<Runnable> queue) {
        while (running) {
            try {
                queue.take().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Background task failed", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        queues.values().forEach(q -> q.offer(() -> { }));
    }
}
