package uk.nhs.pharmacy.portal.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nesting of areas (a few hundred nationally), held in memory so a scope can be expanded to
 * every nested area without a recursive query. {@link #invalidate()} after areas change.
 */
@ApplicationScoped
public class AreaTree {

    @Inject
    OrganisationRepository organisations;

    private volatile Map<Long, List<Long>> children;

    public boolean isArea(long organisationId) {
        return tree().containsKey(organisationId);
    }

    /** The given areas and every area nested in them; ids that are not areas are ignored. */
    public Set<Long> expand(Collection<Long> roots) {
        Map<Long, List<Long>> tree = tree();
        Set<Long> result = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        roots.stream().filter(tree::containsKey).forEach(todo::add);
        while (!todo.isEmpty()) {
            Long next = todo.pop();
            if (result.add(next)) {
                todo.addAll(tree.get(next));
            }
        }
        return result;
    }

    public void invalidate() {
        children = null;
    }

    private Map<Long, List<Long>> tree() {
        Map<Long, List<Long>> current = children;
        if (current == null) {
            current = new HashMap<>();
            for (Object[] link : organisations.areaLinks()) {
                Long id = (Long) link[0];
                current.computeIfAbsent(id, k -> new java.util.ArrayList<>());
                if (link[1] != null) {
                    current.computeIfAbsent((Long) link[1], k -> new java.util.ArrayList<>()).add(id);
                }
            }
            children = current;
        }
        return current;
    }
}
