package uk.nhs.pharmacy.portal.review;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import uk.nhs.pharmacy.portal.platform.UkTime;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The one-page evidence of a premises' review that an owner files with the data-security return:
 * the premises, the campaign, who decided what about each access, when and why (OpenPDF).
 */
public final class EvidencePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7);

    private EvidencePdf() {
    }

    public static void write(OutputStream out, ResourceBundle words, ReviewCampaign campaign, String premises,
                             List<ReviewQueries.EvidenceRow> rows, String generatedBy, Instant generatedAt) {
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter.getInstance(document, out);
        document.addTitle(words.getString("review.pdf.title") + " " + premises);
        document.addCreator("Pharmacy Shared Mailbox Portal");
        document.open();
        document.add(new Paragraph(words.getString("review.pdf.title"), TITLE));
        document.add(new Paragraph(premises, HEADING));
        document.add(new Paragraph(java.text.MessageFormat.format(words.getString("review.pdf.campaign"), campaign.getName(),
                UkTime.words(campaign.getStartsOn()), UkTime.words(campaign.getDeadline()),
                words.getString("enum.CampaignState." + campaign.getState().name()),
                words.getString("enum.AtDeadline." + campaign.getAtDeadline().name())), TEXT));
        long decided = rows.stream().filter(r -> r.decision() != null).count();
        document.add(new Paragraph(java.text.MessageFormat.format(words.getString("review.pdf.summary"), rows.size(), decided,
                rows.stream().filter(r -> r.decision() == Decision.REMOVE || r.decision() == Decision.REVOKED_AT_DEADLINE).count()), TEXT));
        document.add(new Paragraph(" ", SMALL));
        PdfPTable table = new PdfPTable(new float[]{16, 18, 14, 12, 20, 12, 8});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : List.of("review.person", "review.address", "review.access", "review.decision", "review.reason",
                "review.decidedBy", "review.decidedAt")) {
            PdfPCell cell = new PdfPCell(new Phrase(words.getString(key), HEADING));
            cell.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        for (ReviewQueries.EvidenceRow r : rows) {
            table.addCell(new Phrase(r.person(), TEXT));
            table.addCell(new Phrase(r.address(), TEXT));
            table.addCell(new Phrase(r.access(), TEXT));
            table.addCell(new Phrase(r.decision() == null ? words.getString("review.pending")
                    : words.getString("enum.Decision." + r.decision().name()), TEXT));
            table.addCell(new Phrase(r.reason() == null ? "" : r.reason(), TEXT));
            table.addCell(new Phrase(r.decidedBy() == null ? "" : r.decidedBy() + (r.decidedFor() == null ? "" : " (for " + r.decidedFor() + ")"), TEXT));
            table.addCell(new Phrase(r.decidedAt() == null ? "" : UkTime.words(UkTime.dateOf(r.decidedAt())), TEXT));
        }
        document.add(table);
        document.add(new Paragraph(" ", SMALL));
        document.add(new Paragraph(java.text.MessageFormat.format(words.getString("review.pdf.generated"), generatedBy,
                UkTime.words(UkTime.dateOf(generatedAt))), SMALL));
        document.close();
    }
}
