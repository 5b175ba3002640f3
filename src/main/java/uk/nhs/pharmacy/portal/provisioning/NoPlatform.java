package uk.nhs.pharmacy.portal.provisioning;

import java.util.Map;
import java.util.Set;

/** No platform configured (the embedded demo): the dispatcher marks events as having no target. */
public class NoPlatform implements MailPlatform {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public void createMailbox(String mailbox) {
        // nothing to do
    }

    @Override
    public void setRights(String mailbox, String person, Set<String> rights) {
        // nothing to do
    }

    @Override
    public void removeRights(String mailbox, String person) {
        // nothing to do
    }

    @Override
    public void disconnect(String person) {
        // nothing to do
    }

    @Override
    public Map<String, Set<String>> readRights(String mailbox) {
        return Map.of();
    }
}
