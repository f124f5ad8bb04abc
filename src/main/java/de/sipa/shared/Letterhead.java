package de.sipa.shared;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.draw.LineSeparator;

/**
 * The head of every document a partnership files (invitations, minutes, the matrix): its logo, if it has one, and
 * its name, over a thin rule.
 *
 * @param logo the uploaded logo, already re-encoded as JPEG or PNG; {@code null}: names only
 */
public record Letterhead(String partnership, byte[] logo) {

    private static final Font NAMES = new Font(Font.HELVETICA, 9, Font.NORMAL, new Color(0x0b, 0x4f, 0x8a));
    /** The logo's box on the page, in points (about 6 × 1.8 cm). */
    private static final float LOGO_WIDTH = 170;
    private static final float LOGO_HEIGHT = 50;

    /** Adds the letterhead at the current position, which is the top of the first page for a new document. */
    public void addTo(Document document) {
        if (logo != null) {
            try {
                var image = Image.getInstance(logo);
                image.scaleToFit(LOGO_WIDTH, LOGO_HEIGHT);
                image.setSpacingAfter(4);
                document.add(image);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        document.add(new Paragraph(partnership + "  ·  Sicherheitspartnerschaft und Kommunale Kriminalprävention",
                NAMES));
        document.add(new Chunk(new LineSeparator(0.5f, 100, NAMES.getColor(), 0, -4)));
    }
}
