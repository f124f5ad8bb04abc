package de.sipa.prevention;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import de.sipa.partners.Partnerships;
import de.sipa.shared.PdfLetterhead;

/** A project's sheet as PDF under the letterhead and as Word document. */
@Controller
class ProjectSheetController {

    private final PreventionProjects projects;
    private final ProjectSheet sheet;
    private final Partnerships partnerships;
    private final Clock clock;

    ProjectSheetController(PreventionProjects projects, ProjectSheet sheet, Partnerships partnerships, Clock clock) {
        this.projects = projects;
        this.sheet = sheet;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    @GetMapping("/praevention/{id}/steckbrief.pdf")
    void pdf(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        var project = projects.project(new ProjectId(id));
        var content = sheet.of(project, locale, LocalDate.now(clock));
        var letterhead = partnerships.letterhead();
        PdfLetterhead.send(response, ProjectSheet.fileName(project.title()) + ".pdf",
                out -> ProjectSheetPdf.write(content, letterhead, out));
    }

    @GetMapping("/praevention/{id}/steckbrief.docx")
    void docx(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
        var project = projects.project(new ProjectId(id));
        var content = sheet.of(project, locale, LocalDate.now(clock));
        var partnership = partnerships.mine().name();
        var document = new java.io.ByteArrayOutputStream();
        ProjectSheetDocx.write(content, partnership, document);
        response.setContentType(ProjectSheetDocx.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + ProjectSheet.fileName(project.title()) + ".docx\"");
        document.writeTo(response.getOutputStream());
    }
}
