package uk.nhs.pharmacy.portal.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import uk.nhs.pharmacy.portal.platform.SpreadsheetCell;
import uk.nhs.pharmacy.portal.security.Actor;
import uk.nhs.pharmacy.portal.security.ScopeQuery;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Who has access to what" in the actor's scope, as CSV or XLSX. Rows are read in batches by key,
 * and written as they come, so a national export never holds every delegation in memory.
 */
@ApplicationScoped
public class AccessExport {

    private static final int BATCH = 2000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(uk.nhs.pharmacy.portal.platform.UkTime.ZONE);
    static final List<String> HEADER = List.of("ODS code", "Premises", "Shared mailbox", "Person", "NHSmail address",
            "Job role", "Account status", "Permissions", "Owner", "Granted by", "Granted at", "Last day");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public void csv(Actor actor, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\ufeff'); // so spreadsheet programs read UTF-8
        writer.write(String.join(",", HEADER.stream().map(SpreadsheetCell::csv).toList()) + "\r\n");
        forEachRow(actor, cells -> {
            try {
                writer.write(String.join(",", cells.stream().map(SpreadsheetCell::csv).toList()) + "\r\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    public void xlsx(Actor actor, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            Sheet sheet = workbook.createSheet("Who has access");
            int[] rowNumber = {0};
            writeRow(sheet.createRow(rowNumber[0]++), HEADER);
            forEachRow(actor, cells -> writeRow(sheet.createRow(rowNumber[0]++), cells));
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static void writeRow(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            // Cells are typed as text, so nothing is ever evaluated; neutralised too for copy-paste.
            row.createCell(i).setCellValue(SpreadsheetCell.neutralise(cells.get(i)));
        }
    }

    private void forEachRow(Actor actor, Consumer<List<String>> sink) {
        Instant now = clock.instant();
        long after = 0;
        while (true) {
            TypedQuery<Delegation> query = em.createQuery("select d from Delegation d join fetch d.account a "
                    + "join fetch d.mailbox m join fetch m.premises o where d.id > :after and "
                    + Delegation.LIVE + " and " + ScopeQuery.condition(actor, "o")
                    + " order by d.id", Delegation.class);
            List<Delegation> batch = ScopeQuery.bind(query, actor).setParameter("after", after).setParameter("now", now)
                    .setMaxResults(BATCH).getResultList();
            for (Delegation d : batch) {
                sink.accept(List.of(d.getMailbox().getPremises().getOdsCode().value(), d.getMailbox().getPremises().getName(),
                        d.getMailbox().getAddress().value(), d.getAccount().displayName(), d.getAccount().getAddress().value(),
                        d.getAccount().getJobRole().name(), d.getAccount().getStatus().name(),
                        String.join(" ", d.getPermissions().stream().map(Enum::name).toList()), d.isOwner() ? "yes" : "no",
                        d.getGrantedBy(), WHEN.format(d.getGrantedAt()),
                        uk.nhs.pharmacy.portal.platform.UkTime.words(d.getLastDay())));
            }
            if (batch.size() < BATCH) {
                return;
            }
            after = batch.get(batch.size() - 1).getId();
            em.clear();
        }
    }
}
