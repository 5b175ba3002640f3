package uk.nhs.pharmacy.portal.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** When the mail platform last saw a person sign in, as its adapter reported it ({@link SignInImport}). */
@Entity
@Table(name = "mail_sign_in")
public class MailSignIn implements java.io.Serializable {

    @Id
    private String address;

    @Column(name = "last_sign_in", nullable = false)
    private Instant lastSignIn;

    protected MailSignIn() {
    }

    public String getAddress() {
        return address;
    }

    public Instant getLastSignIn() {
        return lastSignIn;
    }
}
