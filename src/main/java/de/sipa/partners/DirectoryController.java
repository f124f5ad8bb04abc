package de.sipa.partners;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import de.sipa.shared.CsvDownload;

@Controller
class DirectoryController {

    static final int PAGE_SIZE = 25;

    private final Directory directory;
    private final Organisations organisations;
    private final Bodies bodies;
    private final Partnerships partnerships;

    DirectoryController(Directory directory, Organisations organisations, Bodies bodies, Partnerships partnerships) {
        this.directory = directory;
        this.organisations = organisations;
        this.bodies = bodies;
        this.partnerships = partnerships;
    }

    /** The full page, or with htmx only the result list as the user types. */
    @GetMapping("/directory")
    String search(@ModelAttribute("query") DirectoryQuery query, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("entries", directory.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        if (htmx != null) {
            return "partners/directory :: results";
        }
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("bodies", bodies.all());
        model.addAttribute("districts", partnerships.districts());
        return "partners/directory";
    }

    @GetMapping("/directory.csv")
    void csv(@ModelAttribute DirectoryQuery query, HttpServletResponse response) throws IOException {
        CsvDownload.send(response, "verzeichnis.csv", out -> directory.exportCsv(query, out));
    }

    @GetMapping("/directory.vcf")
    void vcards(@ModelAttribute DirectoryQuery query, HttpServletResponse response) throws IOException {
        response.setContentType("text/vcard;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verzeichnis.vcf\"");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        directory.exportVCards(query, out);
        out.flush();
    }
}
