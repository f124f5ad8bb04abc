package de.sipa;

import java.io.IOException;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** Reads the PDF documents SiPa writes, the way a test needs them: their text, and whether they show an image. */
public final class PdfFiles {

    private PdfFiles() {
    }

    /** The text of all pages, one page after the other. */
    public static String text(byte[] pdf) throws IOException {
        var reader = new PdfReader(pdf);
        try {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** Whether the first page draws an image XObject (such as the letterhead's logo). */
    public static boolean firstPageHasImage(byte[] pdf) throws IOException {
        var reader = new PdfReader(pdf);
        try {
            var resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES);
            var objects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
            if (objects == null) {
                return false;
            }
            for (var name : objects.getKeys()) {
                var object = (PdfDictionary) PdfReader.getPdfObject(objects.get(name));
                if (PdfName.IMAGE.equals(object.get(PdfName.SUBTYPE))) {
                    return true;
                }
            }
            return false;
        } finally {
            reader.close();
        }
    }
}
