package uk.nhs.pharmacy.portal.demo;

import org.junit.jupiter.api.Test;

import uk.nhs.pharmacy.portal.platform.CsvReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GmPharmacyListTest {

    @Test
    void readsAllOfGreaterManchesterWithQuotedCommas() {
        List<GmPharmacy> all = GmPharmacyList.load();
        assertThat(all).hasSize(631);
        GmPharmacy first = all.get(0);
        assertThat(first.odsCode()).isEqualTo("FM664");
        assertThat(first.address()).isEqualTo("491 Radcliffe Road, Darcy Lever, Bolton");
        assertThat(first.localAuthorityName()).isEqualTo("Bolton");
        assertThat(all.stream().filter(p -> p.tradingName().equals("Cohens Chemist"))).hasSize(64);
        assertThat(all.stream().map(GmPharmacy::odsCode).distinct()).hasSize(631);
    }

    @Test
    void csvHandlesDoubledQuotesAndLineBreaksInsideQuotes() throws IOException {
        CsvReader csv = new CsvReader(new StringReader("a,\"b \"\"quoted\"\", c\",\"line\r\nbreak\"\r\nx,y,z\n"));
        assertThat(csv.next()).containsExactly("a", "b \"quoted\", c", "line\r\nbreak");
        assertThat(csv.next()).containsExactly("x", "y", "z");
        assertThat(csv.next()).isNull();
    }
}
