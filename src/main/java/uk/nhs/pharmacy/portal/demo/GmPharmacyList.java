package uk.nhs.pharmacy.portal.demo;

import uk.nhs.pharmacy.portal.platform.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Greater Manchester list shipped with the portal (OGL v3.0, see demo/NOTICE.md). */
public final class GmPharmacyList {

    public static final String RESOURCE = "/demo/gm_pharmacies.csv";

    private GmPharmacyList() {
    }

    public static List<GmPharmacy> load() {
        try (InputStream in = GmPharmacyList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<GmPharmacy> parse(CsvReader csv) throws IOException {
        List<String> header = csv.next();
        int name = header.indexOf("pharmacy_name");
        int address = header.indexOf("address");
        int postcode = header.indexOf("postcode");
        int ods = header.indexOf("organisation_data_service_code");
        int laCode = header.indexOf("la_code");
        int laName = header.indexOf("la_name");
        List<GmPharmacy> rows = new ArrayList<>();
        for (List<String> r = csv.next(); r != null; r = csv.next()) {
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            rows.add(new GmPharmacy(r.get(name), r.get(address), r.get(postcode), r.get(ods), r.get(laCode), r.get(laName)));
        }
        return rows;
    }
}
