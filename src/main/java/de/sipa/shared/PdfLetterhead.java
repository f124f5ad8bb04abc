package de.sipa.shared;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.http.HttpHeaders;

/** A4 documents under the partnership's letterhead, for filing and printing, and their download. */
public final class PdfLetterhead {

    public static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    public static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    public static final Font TEXT = new Font(Font.HELVETICA, 10);
    public static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);

    private PdfLetterhead() {
    }

    /** Opens the document with letterhead and title; the caller writes the rest and closes it. */
    public static Document open(Letterhead letterhead, String title, OutputStream out) {
        var document = new Document(PageSize.A4, 56, 56, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.open();
        letterhead.addTo(document);
        var heading = new Paragraph(title, TITLE);
        heading.setSpacingBefore(18);
        document.add(heading);
        return document;
    }

    /**
     * Sends the document as a download; written to memory first, so that a refusal still answers with an error page
     * instead of half a PDF.
     */
    public static void send(HttpServletResponse response, String filename, Consumer<OutputStream> writer)
            throws IOException {
        var document = new ByteArrayOutputStream();
        writer.accept(document);
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        document.writeTo(response.getOutputStream());
    }
}
