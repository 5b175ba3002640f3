package uk.nhs.pharmacy.portal.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Someone who signs in to the portal: a national administrator, an LOA or a pharmacy owner. */
@Entity
@Table(name = "portal_user")
public class PortalUser {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "user_ids")
    @TableGenerator(name = "user_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "portal_user", allocationSize = 10)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    /** The user's own personal NHSmail account, if any (an LOA may not grant access to it). */
    @Column(name = "account_id")
    private Long personalAccountId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_scope", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "organisation_id")
    private Set<Long> scopeOrganisationIds = new HashSet<>();

    @Version
    private long version;

    protected PortalUser() {
        // for JPA
    }

    public PortalUser(String username, String passwordHash, String displayName, Role role) {
        this.username = normaliseUsername(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.displayName = Objects.requireNonNull(displayName);
        this.role = Objects.requireNonNull(role);
    }

    public static String normaliseUsername(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("A username is required");
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Long getPersonalAccountId() {
        return personalAccountId;
    }

    public Set<Long> getScopeOrganisationIds() {
        return Set.copyOf(scopeOrganisationIds);
    }
}
