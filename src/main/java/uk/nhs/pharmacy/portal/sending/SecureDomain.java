package uk.nhs.pharmacy.portal.sending;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import uk.nhs.pharmacy.portal.platform.RuleViolation;

import java.time.Instant;

/** One entry of the secure-domain list: a domain, normalised, which covers its subdomains too. */
@Entity
@Table(name = "secure_domain")
public class SecureDomain implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "secure_domain_ids")
    @TableGenerator(name = "secure_domain_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "secure_domain", allocationSize = 10)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String domain;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected SecureDomain() {
        // for JPA
    }

    SecureDomain(String raw, String addedBy, Instant addedAt) {
        this.domain = SecureDomainRule.normalise(raw)
                .orElseThrow(() -> RuleViolation.because("refusal.sending.notADomain", raw == null ? "" : raw.strip()));
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long getId() {
        return id;
    }

    public String getDomain() {
        return domain;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
