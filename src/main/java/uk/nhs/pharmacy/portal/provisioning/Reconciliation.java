package uk.nhs.pharmacy.portal.provisioning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what the platform holds on a mailbox with what the portal says, and optionally puts the
 * platform back. Only the rights the platform itself enforces are compared (IMAP: Full Access and
 * owner; Send As is served to Postfix from the portal's own data, so it cannot drift).
 */
@ApplicationScoped
public class Reconciliation {

    @Inject
    MailPlatform platform;

    /** One person whose rights differ: what the portal says and what the platform has. */
    public record Drift(String person, Set<String> portal, Set<String> platform) {
        public boolean addedOutsideThePortal() {
            return portal.isEmpty();
        }
    }

    /** {@code expected}: person to portal rights (e.g. FULL_ACCESS, OWNER, SEND_AS) for live access. */
    public List<Drift> compare(String mailbox, Map<String, Set<String>> expected) throws MailPlatform.PlatformException {
        Map<String, Set<String>> actual = platform.readRights(mailbox);
        Set<String> people = new TreeSet<>(actual.keySet());
        expected.forEach((person, rights) -> {
            if (!DovecotPlatform.imapRelevant(rights).isEmpty()) {
                people.add(person);
            }
        });
        List<Drift> drift = new ArrayList<>();
        for (String person : people) {
            Set<String> want = DovecotPlatform.imapRelevant(expected.getOrDefault(person, Set.of()));
            Set<String> have = new TreeSet<>(actual.getOrDefault(person, Set.of()));
            if (!want.equals(have)) {
                drift.add(new Drift(person, want, have));
            }
        }
        return drift;
    }

    /** Sets the platform to the portal's rights for each drifted person. */
    public void repair(String mailbox, List<Drift> drift) throws MailPlatform.PlatformException {
        for (Drift d : drift) {
            if (d.portal().isEmpty()) {
                platform.removeRights(mailbox, d.person());
                platform.disconnect(d.person());
            } else {
                platform.setRights(mailbox, d.person(), d.portal());
            }
        }
    }
}
