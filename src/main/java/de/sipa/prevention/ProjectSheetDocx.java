package de.sipa.prevention;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The project sheet as a Word document (.docx, Office Open XML): the smallest package Word, LibreOffice and Pages
 * open (content types, relationships, the document), written directly, so the sheet can be edited further. The
 * partnership's name heads it; the logo stays with the PDF.
 */
final class ProjectSheetDocx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>""";
    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>""";

    private ProjectSheetDocx() {
    }

    static void write(ProjectSheet.Content content, String partnership, OutputStream out) {
        var body = new StringBuilder();
        body.append(paragraph(partnership, 18, false, "808080"));
        body.append(paragraph(content.title(), 32, true, null));
        body.append(paragraph(content.stand(), 16, false, "808080"));
        for (var section : content.sections()) {
            body.append(paragraph(section.heading(), 24, true, null));
            for (var line : section.lines()) {
                body.append("<w:p><w:pPr><w:spacing w:after=\"60\"/></w:pPr>");
                if (!line.label().isEmpty()) {
                    body.append(run(line.label() + ": ", 20, true, null));
                }
                var parts = line.text().split("\n");
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        body.append("<w:r><w:br/></w:r>");
                    }
                    body.append(run(parts[i], 20, false, null));
                }
                body.append("</w:p>");
            }
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" "
                + "w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
        try (var zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", TYPES);
            entry(zip, "_rels/.rels", RELS);
            entry(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String paragraph(String text, int halfPoints, boolean bold, String colour) {
        return "<w:p><w:pPr><w:spacing w:before=\"120\" w:after=\"60\"/></w:pPr>" + run(text, halfPoints, bold, colour)
                + "</w:p>";
    }

    private static String run(String text, int halfPoints, boolean bold, String colour) {
        return "<w:r><w:rPr>" + (bold ? "<w:b/>" : "") + (colour == null ? "" : "<w:color w:val=\"" + colour + "\"/>")
                + "<w:sz w:val=\"" + halfPoints + "\"/></w:rPr><w:t xml:space=\"preserve\">" + escape(text)
                + "</w:t></w:r>";
    }

    /** XML-escaped, without the control characters XML 1.0 does not allow. */
    static String escape(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
