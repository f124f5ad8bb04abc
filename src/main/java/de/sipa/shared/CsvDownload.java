package de.sipa.shared;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/** A CSV file as the answer to a request, in the form spreadsheet programs open without asking. */
public final class CsvDownload {

    private CsvDownload() {
    }

    public static void send(HttpServletResponse response, String filename, Consumer<Writer> content)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // Excel recognises UTF-8 only with a byte order mark
        content.accept(out);
        out.flush();
    }
}
